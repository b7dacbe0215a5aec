"""Tags: normalisation, the tag table, and (later) synonyms, trends and pain points."""
