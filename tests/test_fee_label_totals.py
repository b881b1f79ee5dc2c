"""Labels of the total line that name only "Total" and the waiver it is after."""

from __future__ import annotations

import pytest

from extractor.classify import fee_concept


@pytest.mark.parametrize("label", ["Total (after fee waivers)(ii)", "Total After Waivers"])
def test_total_after_waivers_is_the_net_total_and_waiver_lines_stay_waivers(label: str) -> None:
    assert fee_concept(label) == "NetExpensesOverAssets"
    assert fee_concept("Total Waivers and Reimbursements") == "FeeWaiverOrReimbursementOverAssets"
