"""Bringing publications in from the network: ``labbook add`` and ``labbook sync``.

The only package of labbook that opens connections, and only when the command line asks it to: builds and
``labbook check`` never import it. It reads the lab's own files through ``labbook.load`` and writes BibTeX
entries appended to a bibliography; it imports neither MkDocs nor click.
"""
