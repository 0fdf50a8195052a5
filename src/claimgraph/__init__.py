"""claimgraph: claims from news articles as an RDF graph, and where outlets disagree."""
__version__ = "0.1.0"
