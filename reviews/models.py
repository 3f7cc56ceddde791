"""Reviews models."""
