"""The GCM reference framework: objectives, principles, SDG links, the six-step process, vocabularies."""
