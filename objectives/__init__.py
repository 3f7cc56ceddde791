"""The GCM reference framework: objectives, principles, SDGs, the six-step process, vocabularies."""
