import claimgraph


def test_all_is_sorted_and_complete() -> None:
    public = {n for n in dir(claimgraph) if not n.startswith("_") and n not in {"annotations"}}
    modules = {n for n in public if type(getattr(claimgraph, n)).__name__ == "module"}
    assert sorted(claimgraph.__all__, key=str.lower) == sorted(claimgraph.__all__, key=str.lower)
    assert public - modules <= set(claimgraph.__all__)
    for name in claimgraph.__all__:
        assert hasattr(claimgraph, name), name
