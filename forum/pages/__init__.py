"""Site pages that belong to no single domain: home, agencies, about."""
