"""`make bench`: how fast the pipeline is against the bare libraries on the same pages."""
