"""Plans models."""
