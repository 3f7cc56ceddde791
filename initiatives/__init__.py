"""Initiatives logged by civil society and other stakeholders, their moderation and mapping."""
