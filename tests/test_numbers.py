"""Table-driven tests of the amount grammar: value or range, unit, qualifier, exact words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.extract.numbers import find_amounts

# (text, expected words, value, low, high, unit, qualifier): each text holds exactly one amount.
# The first block is the issue's own list; the rest are grouped by the domain they come from.
CASES = [
    ("over 80% of code", "over 80%", 80, None, None, "percent", "over"),
    ("more than 30 per cent of orders", "more than 30 per cent", 30, None, None, "percent", "over"),
    ("80 percent of voters", "80 percent", 80, None, None, "percent", "exact"),
    ("eight in ten riders", "eight in ten", 80, None, None, "percent", "exact"),
    ("one in five patients", "one in five", 20, None, None, "percent", "exact"),
    ("nearly two-thirds of voters", "nearly two-thirds", 66.67, None, None, "percent", "under"),
    ("a third of homes", "a third", 33.33, None, None, "percent", "exact"),
    ("half of the budget", "half", 50, None, None, "percent", "exact"),
    ("a quarter of journeys", "a quarter", 25, None, None, "percent", "exact"),
    ("a fifth of arable land", "a fifth", 20, None, None, "percent", "exact"),
    ("cut the risk by about a third", "about a third", 33.33, None, None, "percent", "about"),
    ("fell by nearly a quarter", "nearly a quarter", 25, None, None, "percent", "under"),
    ("finds the fault in a single hour", "a single hour", 1, None, None, "hour", "exact"),
    ("8 times that of 2024", "8 times", 8, None, None, "times", "exact"),
    ("an eightfold rise", "eightfold", 8, None, None, "times", "exact"),
    ("a 4x increase", "4x", 4, None, None, "times", "exact"),
    ("output tripled last year", "tripled", 3, None, None, "times", "exact"),
    ("roughly fourfold", "roughly fourfold", 4, None, None, "times", "about"),
    ("spend 4-8 hours tuning", "4-8 hours", None, 4, 8, "hour", "range"),
    ("two to three days", "two to three days", None, 2, 3, "day", "range"),
    ("between 40 and 50 new stores", "40 and 50", None, 40, 50, "count", "range"),
    ("single digits", "single digits", None, 1, 9, "count", "range"),
    ("dozens of homes", "dozens", None, 24, 99, "count", "range"),
    ("several people were hurt", "several", None, 3, 9, "count", "range"),
    ("more than a thousand people", "more than a thousand", 1000, None, None, "count", "over"),
    ("$200 million for research", "$200 million", 200e6, None, None, "USD", "exact"),
    ("a $1.5bn deal", "$1.5bn", 1.5e9, None, None, "USD", "exact"),
    ("€3 billion in bonds", "€3 billion", 3e9, None, None, "EUR", "exact"),
    ("£40m a year", "£40m", 40e6, None, None, "GBP", "exact"),
    ("380 million euros", "380 million euros", 380e6, None, None, "EUR", "exact"),
    ("up to £150 a month", "up to £150", 150, None, None, "GBP", "at_most"),
    ("1.2 million people", "1.2 million", 1.2e6, None, None, "count", "exact"),
    ("10,000 workers", "10,000", 10000, None, None, "count", "exact"),
    ("816\u00a0000 residents", "816\u00a0000", 816000, None, None, "count", "exact"),
    ("10^25 FLOPs of compute", "10^25 FLOPs", 1e25, None, None, "FLOP", "exact"),
    ("10²⁵ FLOPs of compute", "10²⁵ FLOPs", 1e25, None, None, "FLOP", "exact"),
    ("1e25 FLOP", "1e25 FLOP", 1e25, None, None, "FLOP", "exact"),
    ("12-hour tasks", "12-hour", 12, None, None, "hour", "exact"),
    ("doubles every four months", "four months", 4, None, None, "month", "exact"),
    ("at least 52 people died", "at least 52", 52, None, None, "count", "at_least"),
    ("some 14,000 residents", "some 14,000", 14000, None, None, "count", "about"),
    ("no more than 3 days", "no more than 3 days", 3, None, None, "day", "at_most"),
    ("almost half of schools", "almost half", 50, None, None, "percent", "under"),
    ("roughly 1,200 jobs", "roughly 1,200", 1200, None, None, "count", "about"),
    ("just under 5,000 patients", "just under 5,000", 5000, None, None, "count", "under"),
    ("exactly 37 deaths", "exactly 37", 37, None, None, "count", "exact"),
    ("300 mm of rain", "300 mm", 300, None, None, "mm", "exact"),
    ("one and one-half miles", "one and one-half miles", 1.5, None, None, "mile", "exact"),
    ("a 9km route", "9km", 9, None, None, "km", "exact"),
    ("up 12% year on year", "12%", 12, None, None, "percent", "exact"),
    ("fell 4 percentage points", "4 percentage points", 4, None, None, "percentage_point", "exact"),
    ("profits fell by a quarter", "a quarter", 25, None, None, "percent", "exact"),
    ("a release every 4 months", "4 months", 4, None, None, "month", "exact"),
    ("an 8x jump", "8x", 8, None, None, "times", "exact"),
    ("816 000 residents", "816 000", 816_000, None, None, "count", "exact"),
    ("a 5kg bag of rice", "5kg", 5, None, None, "kg", "exact"),
    ("a 20 kg parcel", "20 kg", 20, None, None, "kg", "exact"),
    # -- finance and business ---------------------------------------------------------------------
    ("revenue rose 12% to a record", "12%", 12, None, None, "percent", "exact"),
    ("net profit of US$3.2 billion", "US$3.2 billion", 3.2e9, None, None, "USD", "exact"),
    ("a €450,000 fine for the bank", "€450,000", 450_000, None, None, "EUR", "exact"),
    ("paid £1.2bn for the stake", "£1.2bn", 1.2e9, None, None, "GBP", "exact"),
    ("a loss of 500 billion yen", "500 billion yen", 5e11, None, None, "JPY", "exact"),
    ("JPY 120 billion in bonds", "JPY 120 billion", 1.2e11, None, None, "JPY", "exact"),
    ("sales of 3 billion yuan", "3 billion yuan", 3e9, None, None, "CNY", "exact"),
    ("RMB 2 billion in loans", "RMB 2 billion", 2e9, None, None, "CNY", "exact"),
    ("fined CHF 40 million", "CHF 40 million", 4e7, None, None, "CHF", "exact"),
    ("A$1.1 billion in contracts", "A$1.1 billion", 1.1e9, None, None, "AUD", "exact"),
    ("HK$500 million of stock", "HK$500 million", 5e8, None, None, "HKD", "exact"),
    ("a $2.5tn economy", "$2.5tn", 2.5e12, None, None, "USD", "exact"),
    ("a $300k salary", "$300k", 3e5, None, None, "USD", "exact"),
    ("USD 4.5 million in fees", "USD 4.5 million", 4.5e6, None, None, "USD", "exact"),
    ("1.5 million dollars in aid", "1.5 million dollars", 1.5e6, None, None, "USD", "exact"),
    ("raised 40 million pounds", "40 million pounds", 4e7, None, None, "GBP", "exact"),
    ("shares fell 8.5% on Monday", "8.5%", 8.5, None, None, "percent", "exact"),
    ("in excess of $10m in bonuses", "in excess of $10m", 1e7, None, None, "USD", "over"),
    ("nearly £1bn of debt", "nearly £1bn", 1e9, None, None, "GBP", "under"),
    ("a market worth around €2 billion", "around €2 billion", 2e9, None, None, "EUR", "about"),
    ("a 0.25 percentage point cut", "0.25 percentage point", 0.25, None, None, "percentage_point", "exact"),
    ("inflation of 3.1pc", "3.1pc", 3.1, None, None, "percent", "exact"),
    ("between $2 billion and $3 billion", "$2 billion and $3 billion", None, 2e9, 3e9, "USD", "range"),
    ("a bid of 2 to 3 million euros", "2 to 3 million euros", None, 2e6, 3e6, "EUR", "range"),
    ("£30,000-£40,000 salaries", "£30,000-£40,000", None, 30_000, 40_000, "GBP", "range"),
    ("an estimated 2.3 million customers", "an estimated 2.3 million", 2.3e6, None, None, "count", "about"),
    # -- health ---------------------------------------------------------------------------------
    ("a vaccine 95% effective", "95%", 95, None, None, "percent", "exact"),
    ("cut deaths by a third", "a third", 33.33, None, None, "percent", "exact"),
    ("one in eight women", "one in eight", 12.5, None, None, "percent", "exact"),
    ("1 in 3 adults are obese", "1 in 3", 33.33, None, None, "percent", "exact"),
    ("9 in 10 GPs agreed", "9 in 10", 90, None, None, "percent", "exact"),
    ("one in 200 births", "one in 200", 0.5, None, None, "percent", "exact"),
    ("17 deaths were recorded", "17", 17, None, None, "count", "exact"),
    ("waits of more than 18 weeks", "more than 18 weeks", 18, None, None, "week", "over"),
    ("a 5mg dose", "5mg", 5, None, None, "mg", "exact"),
    ("a 500 ml bottle", "500 ml", 500, None, None, "ml", "exact"),
    ("two doses of the vaccine", "two", 2, None, None, "count", "exact"),
    ("reduced the risk by 40 per cent", "40 per cent", 40, None, None, "percent", "exact"),
    ("three-quarters of nurses", "three-quarters", 75, None, None, "percent", "exact"),
    ("fewer than 100 beds", "fewer than 100", 100, None, None, "count", "under"),
    ("as many as 600 people were infected", "as many as 600", 600, None, None, "count", "at_most"),
    ("half a million people", "half a million", 5e5, None, None, "count", "exact"),
    ("a 12-hour shift", "12-hour", 12, None, None, "hour", "exact"),
    ("half an hour", "half an hour", 0.5, None, None, "hour", "exact"),
    # -- elections ------------------------------------------------------------------------------
    ("won 52% of the vote", "52%", 52, None, None, "percent", "exact"),
    ("turnout was 67.3 per cent", "67.3 per cent", 67.3, None, None, "percent", "exact"),
    ("three in ten voters", "three in ten", 30, None, None, "percent", "exact"),
    ("nine out of ten members", "nine out of ten", 90, None, None, "percent", "exact"),
    ("wants a floor of 14 officers", "a floor of 14", 14, None, None, "count", "at_least"),
    ("above the 14,900-tonne maximum", "14,900-tonne", 14900, None, None, "tonne", "at_most"),
    ("set a ceiling of 250 homes", "a ceiling of 250", 250, None, None, "count", "at_most"),
    (
        "dropped to six degrees below freezing",
        "six degrees below freezing",
        -6,
        None,
        None,
        "celsius",
        "exact",
    ),
    # a figure before a year is no ratio
    ("was fined £48,000 in 2023 for", "£48,000", 48000, None, None, "GBP", "exact"),
    ("one in 2,000 people", "one in 2,000", 0.05, None, None, "percent", "exact"),
    ("4.2 million votes", "4.2 million", 4.2e6, None, None, "count", "exact"),
    ("a majority of 80 seats", "80", 80, None, None, "count", "exact"),
    ("lost by 1,500 votes", "1,500", 1500, None, None, "count", "exact"),
    ("a swing of 5 percentage points", "5 percentage points", 5, None, None, "percentage_point", "exact"),
    ("two-fifths of MPs", "two-fifths", 40, None, None, "percent", "exact"),
    ("more than a third of councils", "more than a third", 33.33, None, None, "percent", "over"),
    ("roughly 40 percent of the vote", "roughly 40 percent", 40, None, None, "percent", "about"),
    ("Seven candidates stood", "Seven", 7, None, None, "count", "exact"),
    ("forty-two seats changed hands", "forty-two", 42, None, None, "count", "exact"),
    ("between 40 and 50 percent of voters", "40 and 50 percent", None, 40, 50, "percent", "range"),
    ("a lead of 3-4%", "3-4%", None, 3, 4, "percent", "range"),
    # -- sport ----------------------------------------------------------------------------------
    ("scored 27 points", "27", 27, None, None, "count", "exact"),
    ("ran 100 metres", "100 metres", 100, None, None, "m", "exact"),
    ("a 26.2-mile race", "26.2-mile", 26.2, None, None, "mile", "exact"),
    ("a 42-kilometre course", "42-kilometre", 42, None, None, "km", "exact"),
    ("a crowd of 50,000-plus", "50,000-plus", 50_000, None, None, "count", "over"),
    ("upwards of 50,000 fans", "upwards of 50,000", 50_000, None, None, "count", "over"),
    ("a 90-minute match", "90-minute", 90, None, None, "minute", "exact"),
    ("signed a two-year contract", "two-year", 2, None, None, "year", "exact"),
    ("a £100m transfer", "£100m", 1e8, None, None, "GBP", "exact"),
    ("won twice as many medals", "twice", 2, None, None, "times", "exact"),
    # -- weather and disasters ------------------------------------------------------------------
    ("140 mm of rain", "140 mm", 140, None, None, "mm", "exact"),
    ("winds of up to 160 km/h", "up to 160 km/h", 160, None, None, "km/h", "at_most"),
    ("temperatures of 41°C", "41°C", 41, None, None, "celsius", "exact"),
    ("the river rose 1.5 metres", "1.5 metres", 1.5, None, None, "m", "exact"),
    ("a 2.5-metre wall", "2.5-metre", 2.5, None, None, "m", "exact"),
    ("a wave three and a half metres high", "three and a half metres", 3.5, None, None, "m", "exact"),
    ("5,000 hectares burned", "5,000 hectares", 5000, None, None, "hectare", "exact"),
    ("a death toll of at least 230", "at least 230", 230, None, None, "count", "at_least"),
    ("about 300 homes were flooded", "about 300", 300, None, None, "count", "about"),
    ("close to 1,000 flights", "close to 1,000", 1000, None, None, "count", "under"),
    ("winds gusting above 100 mph", "above 100 mph", 100, None, None, "mph", "over"),
    ("tens of thousands of people", "tens of thousands", None, 20_000, 99_999, "count", "range"),
    ("hundreds of homes", "hundreds", None, 200, 999, "count", "range"),
    ("hundreds of thousands of refugees", "hundreds of thousands", None, 2e5, 999_999, "count", "range"),
    ("several villages were cut off", "several", None, 3, 9, "count", "range"),
    # -- energy ---------------------------------------------------------------------------------
    ("a 400 MW wind farm", "400 MW", 400, None, None, "MW", "exact"),
    ("3.2 GW of solar", "3.2 GW", 3.2, None, None, "GW", "exact"),
    ("a 1.5GW plant", "1.5GW", 1.5, None, None, "GW", "exact"),
    ("the walkout is to last a fortnight", "a fortnight", 2, None, None, "week", "exact"),
    ("two fortnights of talks", "two fortnights", 4, None, None, "week", "exact"),
    ("knocked out around 1,400 megawatts", "around 1,400 megawatts", 1400, None, None, "MW", "about"),
    ("a 900-kilowatt turbine", "900-kilowatt", 900, None, None, "kW", "exact"),
    ("12 TWh of power", "12 TWh", 12, None, None, "TWh", "exact"),
    ("a 75 kWh battery", "75 kWh", 75, None, None, "kWh", "exact"),
    ("200,000 barrels a day", "200,000 barrels", 200_000, None, None, "barrel", "exact"),
    ("2 million tonnes of coal", "2 million tonnes", 2e6, None, None, "tonne", "exact"),
    ("emissions fell by a fifth", "a fifth", 20, None, None, "percent", "exact"),
    ("capacity quadrupled", "quadrupled", 4, None, None, "times", "exact"),
    ("a tenfold increase", "tenfold", 10, None, None, "times", "exact"),
    ("a 50-fold rise in output", "50-fold", 50, None, None, "times", "exact"),
    ("a three-fold rise", "three-fold", 3, None, None, "times", "exact"),
    # -- transport ------------------------------------------------------------------------------
    ("fares rise 5.9%", "5.9%", 5.9, None, None, "percent", "exact"),
    ("a £2.80 single fare", "£2.80", 2.8, None, None, "GBP", "exact"),
    ("trains every 10 minutes", "10 minutes", 10, None, None, "minute", "exact"),
    ("delays of up to 90 minutes", "up to 90 minutes", 90, None, None, "minute", "at_most"),
    # "go up to" is the verb's particle and "to": rising to the figure, not at most it
    ("the wage will go up to £13.15 an hour", "£13.15", 13.15, None, None, "GBP", "exact"),
    # "under", "over" before an article are prepositions ("under a 30-year concession"); before
    # a fraction they still qualify ("under a third")
    ("has run it under a 30-year concession", "30-year", 30, None, None, "year", "exact"),
    # concentrations
    (
        "PM2.5 reached 187 micrograms per cubic metre",
        "187 micrograms per cubic metre",
        187,
        None,
        None,
        "ug/m3",
        "exact",
    ),
    ("against a limit of 25 µg/m³", "25 µg/m³", 25, None, None, "ug/m3", "exact"),
    ("ammonia at 3.2 mg/l", "3.2 mg/l", 3.2, None, None, "mg/l", "exact"),
    ("microcystin at 24 µg/l", "24 µg/l", 24, None, None, "µg/l", "exact"),
    ("under a third of homes", "under a third", 33.33, None, None, "percent", "under"),
    ("speeds of 300 km/h", "300 km/h", 300, None, None, "km/h", "exact"),
    ("10-15 minutes late", "10-15 minutes", None, 10, 15, "minute", "range"),
    ("3,000 buses", "3,000", 3000, None, None, "count", "exact"),
    ("80 kilometres of track", "80 kilometres", 80, None, None, "km", "exact"),
    ("a 20 mph limit", "20 mph", 20, None, None, "mph", "exact"),
    ("a few hours late", "a few hours", None, 2, 5, "hour", "range"),
    # -- science and technology -----------------------------------------------------------------
    ("3 × 10^24 FLOP", "3 × 10^24 FLOP", 3e24, None, None, "FLOP", "exact"),
    ("2e24 FLOPs", "2e24 FLOPs", 2e24, None, None, "FLOP", "exact"),
    ("6.02×10²³ molecules", "6.02×10²³", 6.02e23, None, None, "count", "exact"),
    ("1.5 x 10^6 cells", "1.5 x 10^6", 1.5e6, None, None, "count", "exact"),
    ("70 billion parameters", "70 billion", 7e10, None, None, "count", "exact"),
    ("a 10x speed-up", "10x", 10, None, None, "times", "exact"),
    ("compute doubles every six months", "six months", 6, None, None, "month", "exact"),
    ("sales were 3.5 times higher", "3.5 times", 3.5, None, None, "times", "exact"),
    ("the model ran for 30 seconds", "30 seconds", 30, None, None, "second", "exact"),
    # a duration in two units is one amount, in the smaller one
    ("after two hours and 15 minutes", "two hours and 15 minutes", 135, None, None, "minute", "exact"),
    ("a trip of 1 hour 20 minutes", "1 hour 20 minutes", 80, None, None, "minute", "exact"),
    ("A minute and 34 seconds into its flight", "A minute and 34 seconds", 94, None, None, "second", "exact"),
    # a decimal run into a capital C is a temperature; a bare one where heat is the topic
    ("the NMS recorded 47.3C on Saturday", "47.3C", 47.3, None, None, "celsius", "exact"),
    ("Durrow Flats bakes at 48C", "48C", 48, None, None, "celsius", "exact"),
    ("millions of users", "millions", None, 2e6, 9.99e6, "count", "range"),
    # -- crime and justice ----------------------------------------------------------------------
    ("1,245 burglaries", "1,245", 1245, None, None, "count", "exact"),
    ("a 12-year sentence", "12-year", 12, None, None, "year", "exact"),
    ("jailed for six years", "six years", 6, None, None, "year", "exact"),
    ("fined £2,500", "£2,500", 2500, None, None, "GBP", "exact"),
    ("arrested 14 people", "14", 14, None, None, "count", "exact"),
    ("thefts doubled", "doubled", 2, None, None, "times", "exact"),
    ("no fewer than 12 officers", "no fewer than 12", 12, None, None, "count", "at_least"),
    # -- education ------------------------------------------------------------------------------
    ("class sizes of 30 pupils", "30", 30, None, None, "count", "exact"),
    ("one in four pupils", "one in four", 25, None, None, "percent", "exact"),
    ("fees of £9,250 a year", "£9,250", 9250, None, None, "GBP", "exact"),
    ("three million students", "three million", 3e6, None, None, "count", "exact"),
    ("three hundred and fifty teachers", "three hundred and fifty", 350, None, None, "count", "exact"),
    ("a tenth of schools", "a tenth", 10, None, None, "percent", "exact"),
    ("only 12 per cent of graduates", "only 12 per cent", 12, None, None, "percent", "exact"),
    ("less than 2% of the budget", "less than 2%", 2, None, None, "percent", "under"),
    ("a couple of days", "a couple of days", None, 2, 3, "day", "range"),
    ("twelve months of study", "twelve months", 12, None, None, "month", "exact"),
    # -- housing --------------------------------------------------------------------------------
    ("rents of £1,250 a month", "£1,250", 1250, None, None, "GBP", "exact"),
    ("house prices rose 3.4 per cent", "3.4 per cent", 3.4, None, None, "percent", "exact"),
    ("mortgage rates of 4.5%", "4.5%", 4.5, None, None, "percent", "exact"),
    ("built 234,000 homes", "234,000", 234_000, None, None, "count", "exact"),
    ("a 30-year mortgage", "30-year", 30, None, None, "year", "exact"),
    ("just over 5% of homes", "just over 5%", 5, None, None, "percent", "over"),
    ("well over 100 flats", "well over 100", 100, None, None, "count", "over"),
    ("1,000 or more homes", "1,000 or more", 1000, None, None, "count", "at_least"),
    ("5,000-10,000 homes", "5,000-10,000", None, 5000, 10_000, "count", "range"),
    ("over half of renters", "over half", 50, None, None, "percent", "over"),
    ("thousands of homes", "thousands", None, 2000, 9999, "count", "range"),
    # -- thin and non-breaking spaces keep the magnitude -----------------------------------------
    ("816\u2009000 visitors", "816\u2009000", 816_000, None, None, "count", "exact"),
    ("816\u202f000 visitors", "816\u202f000", 816_000, None, None, "count", "exact"),
    ("1\u2009200\u2009000 voters", "1\u2009200\u2009000", 1.2e6, None, None, "count", "exact"),
    # -- more qualifiers, word fractions, vague words --------------------------------------------
    ("approximately 45 minutes", "approximately 45 minutes", 45, None, None, "minute", "about"),
    ("at most 20 minutes", "at most 20 minutes", 20, None, None, "minute", "at_most"),
    ("precisely 400 jobs", "precisely 400", 400, None, None, "count", "exact"),
    ("almost 3 hours", "almost 3 hours", 3, None, None, "hour", "under"),
    ("no more than 5% of staff", "no more than 5%", 5, None, None, "percent", "at_most"),
    ("exactly 1,000 days", "exactly 1,000 days", 1000, None, None, "day", "exact"),
    ("just under a third of", "just under a third", 33.33, None, None, "percent", "under"),
    ("two and a half years", "two and a half years", 2.5, None, None, "year", "exact"),
    ("one and a half hours", "one and a half hours", 1.5, None, None, "hour", "exact"),
    ("several weeks", "several weeks", None, 3, 9, "week", "range"),
    ("a single-digit percentage of code", "single-digit", None, 1, 9, "percent", "range"),
    ("two or three weeks", "two or three weeks", None, 2, 3, "week", "range"),
    ("one or two days", "one or two days", None, 1, 2, "day", "range"),
    ("a $5m-$10m budget", "$5m-$10m", None, 5e6, 1e7, "USD", "range"),
    ("half a percentage point", "half a percentage point", 0.5, None, None, "percentage_point", "exact"),
    ("twice the national average", "twice", 2, None, None, "times", "exact"),
    ("more than twice as many", "more than twice", 2, None, None, "times", "over"),
    # temperatures; areas, in hectares whatever unit the article uses
    ("the thermometer reached 41.3C on Sunday", "41.3C", 41.3, None, None, "celsius", "exact"),
    ("temperatures of 41.3 degrees Celsius", "41.3 degrees Celsius", 41.3, None, None, "celsius", "exact"),
    ("a heatwave with highs of 104F", "104F", 104, None, None, "fahrenheit", "exact"),
    ("it was 30 °C at noon", "30 °C", 30, None, None, "celsius", "exact"),
    ("temperatures fell to minus 19C overnight", "minus 19C", -19, None, None, "celsius", "exact"),
    ("the temperature dropped to minus 24 degrees", "minus 24 degrees", -24, None, None, "celsius", "exact"),
    ("temperatures as low as -8C", "-8C", -8, None, None, "celsius", "exact"),
    # a number word that counts what was named before: the subject of its clause, or "of those"
    ("Eleven have needed hospital treatment", "Eleven", 11, None, None, "count", "exact"),
    ("Fourteen of those who fell ill were admitted", "Fourteen", 14, None, None, "count", "exact"),
    ("the bodies of the other three were brought out", "three", 3, None, None, "count", "exact"),
    (
        "burned roughly 120 square kilometres",
        "roughly 120 square kilometres",
        12000,
        None,
        None,
        "hectare",
        "about",
    ),
    ("a 2.5 sq km site", "2.5 sq km", 250, None, None, "hectare", "exact"),
    ("a farm of 300 acres", "300 acres", 121.405692, None, None, "hectare", "exact"),
    ("about 12,000 hectares burned", "about 12,000 hectares", 12000, None, None, "hectare", "about"),
    ("backed by two dozen planes", "two dozen", 24, None, None, "count", "exact"),
    # volumes, in cubic metres whatever unit the article uses
    ("it impounds 5.8 million m³ when full", "5.8 million m³", 5.8e6, None, None, "cubic_metre", "exact"),
    (
        "holds 5.8 million cubic metres of water",
        "5.8 million cubic metres",
        5.8e6,
        None,
        None,
        "cubic_metre",
        "exact",
    ),
    ("40 m3 of sludge", "40 m3", 40, None, None, "cubic_metre", "exact"),
    ("about 1,000 cubic feet of gas", "about 1,000 cubic feet", 28.3168, None, None, "cubic_metre", "about"),
    ("the 111 passengers", "111", 111, None, None, "count", "exact"),
    # an estimate and a figure "closer to" another are about it
    (
        "bunkers are estimated at 3,400 tonnes",
        "estimated at 3,400 tonnes",
        3400,
        None,
        None,
        "tonne",
        "about",
    ),
    ("the fall would have been closer to 1%", "closer to 1%", 1, None, None, "percent", "about"),
    ("A pair of surgical centres will open", "A pair of", 2, None, None, "count", "exact"),
    ("at least three other European makers", "at least three", 3, None, None, "count", "at_least"),
    # decades in years: "three decades" and "32 years" are compared in one unit
    ("in more than three decades", "more than three decades", 30, None, None, "year", "over"),
    ("half a decade to recover", "half a decade", 5, None, None, "year", "exact"),
    # basis points are hundredths of a percentage point; a fraction of one unit is that part of it
    ("trimmed the rate by 25 basis points", "25 basis points", 0.25, None, None, "percentage_point", "exact"),
    ("up 10 bps on the day", "10 bps", 0.1, None, None, "percentage_point", "exact"),
    (
        "cut its rate by a quarter of a percentage point",
        "a quarter of a percentage point",
        0.25,
        None,
        None,
        "percentage_point",
        "exact",
    ),
    (
        "the talks took three quarters of an hour",
        "three quarters of an hour",
        0.75,
        None,
        None,
        "hour",
        "exact",
    ),
    ("a quarter of the staff", "a quarter", 25, None, None, "percent", "exact"),
]


@pytest.mark.parametrize(("text", "words", "value", "low", "high", "unit", "qualifier"), CASES)
def test_amount(
    text: str,
    words: str,
    value: float | None,
    low: float | None,
    high: float | None,
    unit: str,
    qualifier: str,
) -> None:
    found = find_amounts(text)
    assert len(found) == 1, [(f.text, f.unit) for f in found]
    m = found[0]
    assert m.text == words
    assert text[m.start : m.end] == m.text
    for got, want in ((m.value, value), (m.low, low), (m.high, high)):
        if want is None:
            assert got is None
        else:
            assert got == pytest.approx(want, rel=1e-3)
    assert (m.unit, m.qualifier) == (unit, qualifier)


NOT_AMOUNTS = [
    "in 2025 the lab",
    "the 2012–13 season",
    "since 2024-2026",
    "on May 14 the council",
    "at 3:15 the river",
    "Claude Opus 4.6 can",
    "COVID-19 cases",
    "the G7 summit",
    "Route 9 closed",
    "no one knew",
    "one of the labs",
    "He said two were enough",
    "the first time",
    "the 2nd round",
    "Q2 2026 results",
    "Version 3 arrived",
    "a single ticket",
    # fiscal years, decades, dates and times of day
    "the 2019-20 financial year",
    "in the 1990s",
    "born in 1987",
    "the class of 2019",
    "by mid-2025",
    "on 14 March 2026",
    "March 3, 2026",
    "the 2026-05-14 filing",
    "on 14/05/2026",
    "the train left at 9 am",
    "the shop opens at 6pm",
    "at 10:30 a.m. sharp",
    "in the first half of 2026",
    "results for the third quarter",
    "the 9/11 attacks",
    "a 24/7 helpline",
    # versions, model and product names, codes
    "version 2.0 launched",
    "Python 3.11 users",
    "GPT-4 and its rivals",
    "the Boeing 737 Max",
    "the H5N1 outbreak",
    "SARS-CoV-2 spread",
    "the G20 summit",
    "5G masts",
    "a Catch-22 situation",
    "filed for Chapter 11 protection",
    "a Category 5 hurricane",
    "the No. 10 spokesman",
    "server at 192.168.0.1",
    # phone numbers and addresses
    "call 020 7946 0958",
    "call 1-800-555-0199",
    "lives at 10 Downing Street",
    # ordinals, pronoun "one", names with number words
    "the 21st century",
    "for the 3rd time",
    "every one of them",
    "one day she left",
    "the Three Gorges Dam",
    "the Five Eyes alliance",
    "some of the voters",
    "the couple married",
    "between 2020 and 2024",
    "on 19 and 20 November",  # two days, the first of which is no count
    "from 3-5 June",
    "in 2020 or 2021",
    # a C or F after digits is a temperature only where heat is the topic
    "a 99c coffee",
    "the 5F bus",
    # emergency numbers
    "his wife rang 999 and began",
    "Most urgent 999 patients now wait",
    "with 999 crews diverted",
    "She dialled 911.",
    "a 111 call",
]


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_not_an_amount(text: str) -> None:
    assert find_amounts(text) == []


def test_two_amounts_in_one_sentence_keep_their_own_units() -> None:
    found = find_amounts("spending over $500 million/$1 billion and 10^25 FLOPs")
    assert [(m.text, m.unit) for m in found] == [
        ("over $500 million", "USD"),
        ("$1 billion", "USD"),
        ("10^25 FLOPs", "FLOP"),
    ]
    # "350 more nurses" counts nurses: it does not take the pounds of its neighbour
    found = find_amounts("The money includes £45m to recruit staff, and 350 more nurses will be hired.")
    assert [(m.text, m.unit, m.noun) for m in found] == [("£45m", "GBP", ""), ("350", "count", "nurses")]
    # two durations a comma parts are two ("drove for 11 hours, 20 minutes later it crashed")
    found = find_amounts("He drove for 11 hours, 20 minutes later it crashed.")
    assert [(m.text, m.unit) for m in found] == [("11 hours", "hour"), ("20 minutes", "minute")]


def test_baseline_range_inherits_the_unit_of_its_sentence() -> None:
    found = find_amounts("over 80% of merged code was written by Claude, up from single digits in early 2025")
    assert [(m.text, m.unit) for m in found] == [("over 80%", "percent"), ("single digits", "percent")]


# Sentences with several amounts: each keeps its own words, value and unit, and nothing else is read
# as an amount. (text, [(words, value, low, high, unit, qualifier), ...])
SENTENCES = [
    (
        "revenue rose 12% to $4.1 billion",
        [("12%", 12, None, None, "percent", "exact"), ("$4.1 billion", 4.1e9, None, None, "USD", "exact")],
    ),
    (
        "140 mm of rain fell in 24 hours",
        [("140 mm", 140, None, None, "mm", "exact"), ("24 hours", 24, None, None, "hour", "exact")],
    ),
    (
        "tasks that took 2–3 days now take 1 hour",
        [("2–3 days", None, 2, 3, "day", "range"), ("1 hour", 1, None, None, "hour", "exact")],
    ),
    (
        "On 14 March 2026, 300 people marched",
        [("300", 300, None, None, "count", "exact")],
    ),
    (
        "In the 2019–20 season the club sold 1.1 million tickets at £35 each",
        [("1.1 million", 1.1e6, None, None, "count", "exact"), ("£35", 35, None, None, "GBP", "exact")],
    ),
    (
        "The Boeing 737 fleet of 40 jets flew 9,000 km",
        [("40", 40, None, None, "count", "exact"), ("9,000 km", 9000, None, None, "km", "exact")],
    ),
    (
        "Unemployment fell to 4.1% in Q3 2025 from 4.6%, the lowest since 2008",
        [("4.1%", 4.1, None, None, "percent", "exact"), ("4.6%", 4.6, None, None, "percent", "exact")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_amounts_in_a_sentence(
    text: str, expected: list[tuple[str, float | None, float | None, float | None, str, str]]
) -> None:
    found = find_amounts(text)
    assert [m.text for m in found] == [e[0] for e in expected]
    for m, (_, value, low, high, unit, qualifier) in zip(found, expected, strict=True):
        assert text[m.start : m.end] == m.text
        for got, want in ((m.value, value), (m.low, low), (m.high, high)):
            assert got is None if want is None else got == pytest.approx(want, rel=1e-3)
        assert (m.unit, m.qualifier) == (unit, qualifier)


def test_the_table_is_large_enough() -> None:
    assert len(CASES) + len(NOT_AMOUNTS) + len(SENTENCES) >= 150


# -- properties -----------------------------------------------------------------------------

# Words and symbols the grammar reacts to, so that generated text reaches its corners
# (ranges, scales, currencies, qualifiers, superscripts, dates) and not only plain prose.
_TOKENS = [
    *"0 1 2 7 9 10 12 25 80 100 999 1,000 2012 2024 1.5 0.25 .5 816\u00a0000 816\u2009000".split(),
    *"one two eight ten twenty forty-two hundred thousand million billion bn m k x × ^ ** e".split(),
    *"half third quarter a an and or to in out of between from by every times fold -fold".split(),
    *"% per cent percent pc points percentage $ € £ ¥ US$ USD EUR GBP JPY RMB hours days".split(),
    *"km mm kg MW GW FLOPs °C over under about nearly up at least most no more than plus".split(),
    *"dozens several few couple single digits May Q2 COVID 19 - – — / : . , ( ) + ² ⁵ ⁻ ¹".split(),
    *"doubled tripled halved twice st nd th am pm Street version Opus".split(),
]
_number = st.one_of(
    st.integers(0, 3000).map(str),
    st.floats(0, 1e4, allow_nan=False).map(lambda f: f"{f:.2f}"),
    st.sampled_from(["one", "two", "ten", "twenty", "a hundred", "three million"]),
)
# "3-1", "2 to 3 million", "$5m-$10m", "0142": pairs are where ranges are made
_pair = st.builds(
    lambda a, sep, b, scale: f"{a}{sep}{b}{scale}",
    _number,
    st.sampled_from(["-", "–", " to ", " and ", " or ", "-$", " and £", " "]),
    _number,
    st.sampled_from(["", " million", "bn", "m", "%", " hours"]),
)
_amountish = st.lists(
    st.one_of(st.sampled_from(_TOKENS), _pair, st.text(max_size=3)),
    max_size=14,
).flatmap(lambda toks: st.sampled_from(["", " "]).map(lambda sep: " ".join(toks) if sep else "".join(toks)))


def _check_mentions(text: str) -> None:
    for m in find_amounts(text):
        assert 0 <= m.start <= m.end <= len(text)
        assert m.text == text[m.start : m.end]
        if m.low is not None and m.high is not None:
            assert m.low <= m.high, m
        assert m.value is not None or (m.low is not None and m.high is not None), m


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_any_text_gives_well_formed_mentions(text: str) -> None:
    _check_mentions(text)


@settings(max_examples=800, deadline=None)
@given(_amountish)
def test_amount_like_text_gives_well_formed_mentions(text: str) -> None:
    _check_mentions(text)


def test_a_maximum_named_before_its_figure_is_a_cap() -> None:
    (fine,) = find_amounts("faces a maximum penalty of £1,000")
    assert (fine.value, fine.qualifier) == (1000, "at_most")
    (wage,) = find_amounts("a minimum wage of €12 an hour")  # no floor of the figure
    assert wage.qualifier == "exact"


def test_over_a_duration_after_spending_is_the_time_it_takes() -> None:
    fund, years = find_amounts("a £1.8bn fund for repairs, to be spent over three years")
    assert fund.unit == "GBP"
    assert (years.text, years.qualifier) == ("three years", "exact")
    (wait,) = find_amounts("some patients waited over three years")
    assert (wait.text, wait.qualifier) == ("over three years", "over")


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("At least four were still in a serious condition last night.", [("At least four", 4, "at_least")]),
        ("a cut of nearly a quarter, according to the reports", [("nearly a quarter", 25, "under")]),
        ("it must reply within one month", [("one month", 1, "exact")]),
        ("killing one passenger, emergency services said", [("one", 1, "exact")]),
        ("One passenger was killed.", [("One", 1, "exact")]),
        ("one company said it would appeal", []),
        ("one passenger said the train was late", []),
        ("One day, he left.", []),
        ("Groundwater at half its normal level", [("half", 50, "exact")]),
        ("closed the bridge at six o'clock after finding seven cracks", [("seven", 7, "exact")]),
        # "that" before "two" is the conjunction, before "one" the determiner
        ("reported that two ballot boxes reached the count", [("two", 2, "exact")]),
        ("the two sides met on Friday", []),
        ("that one company said it would appeal", []),
        ("Crews set up a one-kilometre exclusion zone", [("one-kilometre", 1, "exact")]),
    ],
)
def test_one_and_other_words_that_count(text: str, amounts: list[tuple[str, float, str]]) -> None:
    assert [(m.text, m.value, m.qualifier) for m in find_amounts(text)] == amounts


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("a cash proposal worth 312 pence a share", ("312 pence", 3.12, "GBP")),
        ("the private-equity group's proposal of 312p a share", ("312p", 3.12, "GBP")),
        ("shares closed at 296p on Monday", ("296p", 2.96, "GBP")),
        ("a deal that values it at £5.4billion including its debts", ("£5.4billion", 5.4e9, "GBP")),
        ("plans include £350million of savings", ("£350million", 3.5e8, "GBP")),
    ],
)
def test_pence_and_a_scale_word_run_into_the_figure(text: str, amount: tuple[str, float, str]) -> None:
    (m,) = find_amounts(text)
    assert (m.text, m.value, m.unit) == amount


def test_a_change_verb_in_its_plain_form_is_a_multiple_and_as_an_adjective_is_none() -> None:
    def multiples(text: str) -> list[tuple[str, float | None]]:
        return [(m.text, m.value) for m in find_amounts(text)]

    assert multiples("Rejected ballots triple in Kestrelford") == [("triple", 3)]
    assert multiples("The plan would halve the median wait") == [("halve", 0.5)]
    assert multiples("Fares treble overnight") == [("treble", 3)]
    assert multiples("Police are investigating a triple murder") == []
    assert multiples("the double act returns") == []


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # a number run into "m" before a length or a thing measured is metres
        ("At the sag point, water stood 1.8m deep", ("1.8m", 1.8, "m")),
        ("The 366m ship grounded on the bank", ("366m", 366, "m")),
        ("Police closed a 140-km stretch of the R4", ("140-km", 140, "km")),
        # ... and millions otherwise, or after a currency
        ("The scheme would create 5m jobs", ("5m", 5e6, "count")),
        ("the £40m stake was sold", ("£40m", 4e7, "GBP")),
        ("Turnout passed the 1.5m mark", ("1.5m", 1.5e6, "count")),
    ],
)
def test_metres_and_millions_run_into_the_figure(text: str, amount: tuple[str, float, str]) -> None:
    (m,) = find_amounts(text)
    assert (m.text, m.value, m.unit) == amount


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # "N times" that counts occasions is a count ...
        ("The post was viewed more than 30,000 times", ("more than 30,000", 30000, "count")),
        ("The gondola has been stopped by wind 23 times since 2025", ("23", 23, "count")),
        ("The bank has now lowered rates twice this year", ("twice", 2, "count")),
        # ... and one that multiplies is a multiple
        ("Smog eight times over the safe limit", ("eight times", 8, "times")),
        ("more than seven times the national daily limit", ("more than seven times", 7, "times")),
        ("about five times more likely", ("about five times", 5, "times")),
        ("prices twice this level", ("twice", 2, "times")),
        ("fares are twice as high", ("twice", 2, "times")),
    ],
)
def test_times_that_count_occasions_and_times_that_multiply(
    text: str, amount: tuple[str, float, str]
) -> None:
    (m,) = find_amounts(text)
    assert (m.text, m.value, m.unit) == amount


def test_times_before_a_noun_multiply() -> None:
    (m,) = find_amounts("Microcystin at ten times guideline value")
    assert (m.text, m.unit) == ("ten times", "times")
    (m,) = find_amounts("She was stopped three times a day")
    assert (m.text, m.unit) == ("three", "count")
