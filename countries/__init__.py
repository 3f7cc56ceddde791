"""Countries, M49 regions, review regions (UN regional commissions) and country designations."""
