"""biohub: a knowledge-base builder for Korean bio-industry press releases."""

__version__ = "0.1.0"
