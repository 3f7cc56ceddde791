"""Users (email login), organisations, role memberships with a scope, and API tokens."""
