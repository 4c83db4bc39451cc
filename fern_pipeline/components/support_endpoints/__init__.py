"""The support endpoints Component: sources declared in a dg project's ``defs.yaml``."""
