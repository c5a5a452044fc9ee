"""IPTC NewsML: the NewsML-G2 parser (``g2``) and the NewsML 1 parser (``v1``)."""
