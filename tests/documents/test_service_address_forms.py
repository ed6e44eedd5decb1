"""The court application prints each party's confirmed service address (送达地址), and the
home address for a party without one."""

from doc_helpers import CREDIT_CODE, T, VALID_ID, VALID_ID_2, docx_text, flat, pdf_text
from mediation_helpers import accepted_case, signed_written
from mediator_desk import documents


def test_confirmation_prints_the_service_address_or_the_home_address(desk, make_case):
    case_id = accepted_case(desk, make_case, parties=[
        dict(name="张三", role="applicant", id_number=VALID_ID, address="红旗嘎查3组12号",
             service_address="赤峰市红山区昭乌达路8号"),
        dict(name="李四", role="respondent", id_number=VALID_ID_2, address="红旗嘎查5组7号")])
    signed_written(desk, case_id)
    pdf = documents.render(desk, case_id, "confirmation_persons", today=T)
    docx = documents.render(desk, case_id, "confirmation_persons", "docx", today=T)
    for text in (flat(pdf_text(pdf)), flat(docx_text(docx))):
        zhang, li = text.split("申请人：张三")[1].split("申请人：李四")
        assert "住址：红旗嘎查3组12号" in zhang
        assert "送达地址：赤峰市红山区昭乌达路8号" in zhang
        assert "送达地址：红旗嘎查3组12号" not in zhang
        assert "送达地址：红旗嘎查5组7号" in li       # none given: the home address


def test_confirmation_with_an_organisation_prints_its_service_address(desk, make_case):
    case_id = accepted_case(desk, make_case, parties=[
        dict(name="刘赟", role="applicant", id_number=VALID_ID_2, address="红旗嘎查1组"),
        dict(name="某物业公司", role="respondent", kind="organisation", id_number=CREDIT_CODE,
             address="赤峰市红山区建设路1号", service_address="赤峰市红山区建设路1号物业办公室")])
    signed_written(desk, case_id)
    text = flat(pdf_text(documents.render(desk, case_id, "confirmation_organisation", today=T)))
    assert "送达地址：红旗嘎查1组" in text
    assert "送达地址：赤峰市红山区建设路1号物业办公室" in text
