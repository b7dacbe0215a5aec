"""Pure moderation policy: roles, permissions, personal-information detection, workflows."""
