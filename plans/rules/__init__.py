"""Pure rules of plans (no Django): progress from quantity targets, years of a copied plan."""
