"""Initiatives models."""
