"""The recorded-responses server for the tests of labbook.online."""

from tests.datain import datain_server  # noqa: F401  (a fixture, used by name)
