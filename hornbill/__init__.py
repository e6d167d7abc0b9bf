"""hornbill: news articles in, an evidence-backed knowledge base of PLOVER events out."""

__version__ = "0.1.0"
