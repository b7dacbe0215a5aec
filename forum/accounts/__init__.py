"""Accounts: users, agencies, roles, sign-in."""
