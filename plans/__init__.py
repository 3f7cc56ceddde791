"""National implementation plans: the six-step process, measures, indicators, budgets."""
