"""Who gives which service, and the shortest service each staff member gives.

Staff records may list what they offer as ``service_ids`` (the sandbox's do); a record without
that list is taken to offer everything. A big business has thousands of services, so the
offered ids are read once per staff member into a set, never once per service.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from desktop.api.models import Service, Staff


def offered_ids(member: Staff) -> frozenset[str] | None:
    """The ids ``member`` offers, or None when the record does not say (offers everything)."""
    offered = (member.model_extra or {}).get("service_ids")
    if not isinstance(offered, list):
        return None
    return frozenset(str(item) for item in offered)


def staff_for_service(service: Service | None, staff: Sequence[Staff]) -> list[Staff]:
    """Active staff offering ``service`` (everyone active when no service is chosen)."""
    active = [member for member in staff if member.active]
    if service is None:
        return active
    chosen: list[Staff] = []
    for member in active:
        offered = offered_ids(member)
        if offered is None or service.id in offered:
            chosen.append(member)
    return chosen


def shortest_service_per_staff(services: Iterable[Service], staff: Sequence[Staff],
                               ) -> dict[str, tuple[Service, list[str]]]:
    """For each active staff member the shortest appointment service they give, grouped by
    service: ``{service_id: (service, [staff ids])}``. Staff who give none are left out."""
    offers = {member.id: offered_ids(member) for member in staff if member.active}
    plan: dict[str, tuple[Service, list[str]]] = {}
    shortest_first = sorted((s for s in services if not s.is_event and s.duration),
                            key=lambda s: s.duration or 0)
    for service in shortest_first:
        if not offers:
            break
        takers = [member_id for member_id, offered in offers.items()
                  if offered is None or service.id in offered]
        for member_id in takers:
            del offers[member_id]
        if takers:
            plan[service.id] = (service, takers)
    return plan
