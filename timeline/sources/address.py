"""Which network addresses a fetch may reach, and the lookup of a host's addresses.

A URL from a feed or a shared list of links must not read services that only this machine or
its network can see (a database's admin page, a cloud's metadata service at
169.254.169.254). So a host is looked up once, every address it has is classified, and the
connection goes to an address that was checked: a name cannot resolve to a public address
for the check and to a private one for the connection.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from typing import Any

from timeline.errors import SourceError

__all__ = ["ALLOW_HINT", "Address", "LookupTimeout", "address_kind", "resolve"]

IP = ipaddress.IPv4Address | ipaddress.IPv6Address
Address = tuple[int, str, int]  # (address family, IP text, port)

ALLOW_HINT = ("private hosts are fetched only when allowed "
              "(--allow-private-hosts or TIMELINE_ALLOW_PRIVATE_HOSTS=1)")

# IPv6 prefixes that carry an IPv4 address in their last 32 bits: the well-known NAT64
# prefix and the deprecated IPv4-compatible form (::a.b.c.d).
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_COMPATIBLE = ipaddress.IPv6Network("::/96")
# Local-use NAT64 (RFC 8215) places the IPv4 address by prefix length: refuse it whole.
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64 or (ip in _COMPATIBLE and int(ip) > 1):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.sixtofour


def address_kind(ip: IP) -> str | None:
    """None for a public address; else what it is: unspecified, loopback, link-local,
    multicast, reserved, private, or non-public (shared, documentation and the other
    special-purpose ranges).

    An IPv6 address that carries an IPv4 one (mapped, NAT64, 6to4, compatible) is what its
    IPv4 address is, since that is where a connection to it goes.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            return address_kind(inner)
        private = ip in _UNIQUE_LOCAL
        public = ip.is_global and not ip.is_site_local and ip not in _NAT64_LOCAL
        reserved = False  # ipaddress counts all of ::/8 as reserved, mapped addresses too
    else:
        private = any(ip in net for net in _RFC1918)
        public = ip.is_global
        reserved = ip.is_reserved
    # In this order: 127.0.0.1 is also "private" to ipaddress; the telling name comes first.
    for kind, hit in (("unspecified", ip.is_unspecified), ("loopback", ip.is_loopback),
                      ("link-local", ip.is_link_local), ("multicast", ip.is_multicast),
                      ("reserved", reserved), ("private", private)):
        if hit:
            return kind
    return None if public else "non-public"


# Networks of one IP version only: ipaddress compares an address of the other version by
# its integer value, so an IPv6 address could look inside 10.0.0.0/8.
_RFC1918 = tuple(ipaddress.IPv4Network(n) for n in ("10.0.0.0/8", "172.16.0.0/12",
                                                     "192.168.0.0/16"))
_UNIQUE_LOCAL = ipaddress.IPv6Network("fc00::/7")


def resolve(host: str, port: int, *, allow_private: bool, timeout: float) -> list[Address]:
    """The addresses to connect to for ``host``, each checked, in the resolver's order.

    Raises SourceError when the name is unknown, the lookup takes longer than ``timeout``
    seconds, or (unless ``allow_private``) any of its addresses is not public: a name that
    also points inside is refused whole.
    """
    infos = _lookup(host, port, timeout)
    out: list[Address] = []
    for family, _, _, _, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        text = str(sockaddr[0]).split("%", 1)[0]
        ip = ipaddress.ip_address(text)
        if not allow_private:
            kind = address_kind(ip)
            if kind is not None:
                what = f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} address"
                said = f"is {what}" if _is_literal(host, ip) else f"resolves to {ip}, {what}"
                raise SourceError(f"refused: {host} {said}; {ALLOW_HINT}")
        scope = sockaddr[3] if family == socket.AF_INET6 and len(sockaddr) > 3 else 0
        out.append((family, f"{text}%{scope}" if scope else text, port))
    if not out:
        raise SourceError(f"cannot resolve {host} (no IPv4 or IPv6 address)")
    return out


def _is_literal(host: str, ip: IP) -> bool:
    try:
        return ipaddress.ip_address(host) == ip
    except ValueError:
        return False


class LookupTimeout(SourceError):
    """The name lookup did not answer in time."""


def _lookup(host: str, port: int, timeout: float) -> list[tuple[Any, ...]]:
    """getaddrinfo within ``timeout`` seconds: the system resolver has no time limit of its
    own that a caller can set, so it runs in a thread that is abandoned when late."""
    result: list[Any] = []

    def work() -> None:
        try:
            result.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except (OSError, UnicodeError) as err:
            result.append(err)

    worker = threading.Thread(target=work, daemon=True, name="timeline-resolve")
    worker.start()
    worker.join(max(timeout, 0.0))
    if not result:
        raise LookupTimeout(f"no address for {host} within {timeout:g} s")
    got = result[0]
    if isinstance(got, socket.gaierror):
        raise SourceError(f"cannot resolve {host} ({got.strerror or got})")
    if isinstance(got, Exception):
        raise SourceError(f"cannot resolve {host} ({type(got).__name__}: {got})")
    return list(got)
