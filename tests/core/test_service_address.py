"""Each party's service address (送达地址): '' means the home address; validated, masked in
the audit trail like the address, shown in the history with its label."""

import pytest

from mediator_desk.core import rules
from mediator_desk.core.records import MASKED_FIELDS, _audit_value
from mediator_desk.errors import ValidationError


def test_service_address_is_stored_and_defaults_to_empty(desk, make_case):
    case_id = make_case()
    pid = desk.parties.add(case_id, name="王五", role="third_party", address="红旗嘎查3组")
    assert desk.parties.get(pid)["service_address"] == ""
    desk.parties.update(pid, service_address=" 赤峰市红山区昭乌达路8号 ")
    assert desk.parties.get(pid)["service_address"] == "赤峰市红山区昭乌达路8号"


def test_a_service_address_equal_to_the_home_address_is_kept_as_the_default(desk, make_case):
    case_id = make_case()
    pid = desk.parties.add(case_id, name="王五", address="红旗嘎查3组",
                           service_address="红旗嘎查3组")
    assert desk.parties.get(pid)["service_address"] == ""


def test_service_address_too_long_is_refused(desk, make_case):
    case_id = make_case()
    with pytest.raises(ValidationError) as err:
        desk.parties.add(case_id, name="王五", service_address="路" * 201)
    assert err.value.field == "service_address" and "200" in str(err.value)


def test_service_address_has_a_record_rule():
    assert rules.TABLES["parties"]["service_address"].max_len == 200
    assert rules.field_label("service_address") == "送达地址"


def test_service_address_is_masked_in_the_audit(desk, make_case):
    assert "service_address" in MASKED_FIELDS
    masked = _audit_value("service_address", "赤峰市红山区昭乌达路8号院3单元")
    assert masked.startswith("赤峰市红山区") and "昭乌达路8号院" not in masked
    case_id = make_case()
    pid = desk.parties.add(case_id, name="王五", service_address="赤峰市红山区昭乌达路8号院3单元")
    desk.parties.update(pid, service_address="赤峰市松山区全宁街18号院2单元")
    details = " ".join(r[0] for r in desk.db.conn.execute("SELECT details FROM audit_log"))
    assert "昭乌达路8号院" not in details and "全宁街18号院" not in details
