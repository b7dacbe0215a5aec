"""Suggested improvements: citizens propose and support, agencies answer in public."""
