"""The roster read by desk.organisations.tree() and desk.mediators.roster(): every
organisation once, parents first, groups under their village, specialised committees after
the tree, active mediators counted; mediators of an organisation and everything below it."""

from __future__ import annotations


def test_tree_and_roster(desk):
    committee = desk.settings.get("committee_id")
    township = desk.organisations.get(committee)["parent_id"]
    county = desk.organisations.get(township)["parent_id"]
    g2 = desk.organisations.create(kind="group", name="红旗嘎查二组", parent_id=committee)
    g1 = desk.organisations.create(kind="group", name="红旗嘎查一组", parent_id=committee)
    other = desk.organisations.create(kind="village", name="东升村人民调解委员会",
                                      short_name="东升", parent_id=township)
    medical = desk.organisations.create(kind="specialised", name="医疗纠纷人民调解委员会",
                                        short_name="医调", parent_id=county)
    desk.mediators.add(name="其其格", sex="女", org_id=committee, full_time=True,
                       legal_training=True, ethnicity="02", education="60")
    desk.mediators.add(name="王建国", org_id=other)
    desk.mediators.add(name="张医生", org_id=medical)
    desk.mediators.add(name="老李", org_id=committee, active=False)

    tree = desk.organisations.tree()
    names = [(o["depth"], o["name"]) for o in tree]
    assert [n for _, n in names] == ["赤峰市", "阿鲁科尔沁旗", "巴彦塔拉苏木", "东升村人民调解委员会",
                                     "红旗嘎查人民调解委员会", "红旗嘎查二组", "红旗嘎查一组",
                                     "医疗纠纷人民调解委员会"]
    # groups in the order they were made (二组 was made first here), specialised at the end
    assert [o["id"] for o in tree if o["kind"] == "group"] == [g2, g1]
    assert names[-1] == (0, "医疗纠纷人民调解委员会")
    mine = next(o for o in tree if o["id"] == committee)
    assert (mine["mediators"], mine["full_time"], mine["legal_training"], mine["women"],
            mine["committee"], mine["own"]) == (2, 1, 1, 1, True, True)

    roster = desk.mediators.roster()
    assert [m["name"] for m in roster] == ["王建国", "乌力吉", "其其格", "张医生"]
    qiqige = next(m for m in roster if m["name"] == "其其格")
    assert (qiqige["org_name"], qiqige["ethnicity_label"], qiqige["education_label"],
            qiqige["own"]) == ("红旗嘎查人民调解委员会", "蒙古族", "高中", True)
    below_township = {m["name"] for m in desk.mediators.roster(township, active_only=False)}
    assert below_township == {"王建国", "乌力吉", "其其格", "老李"}
    assert {m["name"] for m in desk.mediators.roster(committee)} == {"乌力吉", "其其格"}
