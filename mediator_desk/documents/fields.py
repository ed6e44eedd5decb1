"""The field catalogue: every name a form template may use, with what it holds.

Templates refer to context values by these Chinese names (``{案件编号}``, ``{当事人.姓名}``), so
a clerk reads them as they read the form. The parser refuses a name that is not listed here
(a typo would otherwise print a silent blank), naming the file and the line. Context building
(``documents/form_values.py``) fills them from the case; the values are ready-to-print strings
(dates in Chinese style, amounts in figures and capitals), lists of items for ``@每个``, or
booleans for ``@如果``.
"""

from __future__ import annotations

# Values of the whole document (top-level names).
FIELDS: dict[str, str] = {
    "调委会名称": "人民调解委员会全称（空白文书也印出）",
    "空白": "是否在印空白文书（条件）",
    "文书日期": "文书落款日期",
    # the case
    "案件编号": "案件编号，如（2026）红旗人调字第1号",
    "受理日期": "受理（登记）日期",
    "纠纷类型": "纠纷类型",
    "案件来源": "案件来源（移送的写明移送单位）",
    "纠纷简要情况": "纠纷简要情况",
    "申请事项": "申请事项（整段文字）",
    "纠纷地点": "纠纷发生地点",
    "涉及人数": "涉及人数",
    "涉及金额": "涉及金额（数字，元）",
    "涉及金额大写": "涉及金额（人民币大写）",
    "申请人姓名": "申请人姓名（多人用顿号连接）",
    "被申请人姓名": "被申请人姓名（多人用顿号连接）",
    "当事人姓名": "全部当事人姓名（用顿号连接）",
    "人民调解员": "承办调解员姓名",
    "记录人": "记录人",
    "登记人": "受理登记人",
    "当事人同意": "当事人同意调解的方式（书面申请、口头同意等）",
    "已告知权利义务": "已向当事人告知权利义务（条件）",
    "登记日期": "案件登记（收到）日期",
    "不予受理": "决定不予受理（条件，《人民调解法》第十七、十八条）",
    "不予受理理由": "不予受理的理由（及说明）",
    "决定日期": "作出受理或不予受理决定的日期",
    "决定人": "作出受理或不予受理决定的人",
    # investigation record (调查记录)
    "调查时间": "调查时间",
    "调查地点": "调查地点",
    "被调查人": "被调查人",
    "调查参加人": "参加调查的其他人员",
    "调查人": "调查人",
    "调查备注": "调查记录备注",
    # mediation record (调解记录)
    "调解时间": "调解时间",
    "调解地点": "调解地点",
    "调解事由": "调解事由",
    "调解参加人": "邀请参加调解的人员（不含调解员、当事人、记录人）",
    "到场当事人": "到场的当事人",
    "当事人陈述": "各方当事人陈述",
    "查明事实": "经核实查明的事实",
    "风险提示": "风险提示内容",
    "达成协议": "本次调解达成协议（条件）",
    "调解终止": "调解未达成协议、终止调解（条件）",
    "调解结果": "调解结果说明",
    "告知途径": "告知当事人的其他解决途径（仲裁、诉讼、行政等）",
    # agreements (调解协议书, 口头协议登记表)
    "协议编号": "调解协议编号",
    "协议日期": "达成协议的日期",
    "协议地点": "达成协议的地点",
    "纠纷事实": "纠纷的主要事实、争议事项以及各方当事人的责任（第二十九条）",
    "协议内容": "协议条款全文（逐条编号、分行，用于表格）",
    "履行方式": "履行方式",
    "履行期限": "履行期限",
    "协议金额": "协议金额（数字，元）",
    "协议金额大写": "协议金额（人民币大写，如人民币壹万贰仟元整）",
    "份数": "协议份数（阿拉伯数字）",
    "份数大写": "协议份数（汉字，如三）",
    "份数说明": "份数句：本协议一式N份，当事人、人民调解委员会各持一份。",
    "补充协议": "是补充协议（条件）",
    "原协议编号": "补充协议所补正的原协议编号",
    "履行情况": "履行情况",
    # follow-up (回访记录)
    "回访当事人": "被回访的当事人",
    "回访事由": "回访事由",
    "回访时间": "回访时间",
    "回访情况": "回访情况（履行、满意程度、起诉、错误调解、激化隐患等）",
    "处理措施": "回访后采取的措施",
    "回访人": "回访人",
    # judicial confirmation (司法确认申请书)
    "受理法院": "申请确认的人民法院",
    "申请日期": "申请司法确认的日期",
    "协议生效日期": "调解协议生效日期",
    # case file (卷宗)
    "卷名": "卷名：立卷时填的，或“张三等与李四等邻里纠纷”（第一位申请人、第一位被申请人，多人加“等”；最多50字）",
    "调解开始日期": "调解起始日期",
    "调解结束日期": "调解终结日期",
    "立卷人": "立卷人",
    "立卷日期": "立卷日期",
    "保管期限": "保管期限",
    "卷宗备注": "卷宗备注（全文）",
    "封面备注": "卷宗备注，封面上印的（过长时截短，全文印在卷内备考表）",
    "封面调解员": "封面上印的人民调解员（超过4人时印前4人加“等”）",
    "情况说明": "卷宗情况说明正文",
    "卷宗页数": "卷内文书材料总页数",
    "附件件数": "卷内附件（扫描件、照片）件数",
}

PARTY_FIELDS: dict[str, str] = {
    "姓名": "姓名（单位为名称）",
    "身份": "申请人、被申请人或第三人",
    "是单位": "当事人是法人或其他组织（条件）",
    "性别": "性别",
    "民族": "民族",
    "年龄": "年龄（按文书日期计算的周岁）",
    "出生日期": "出生日期",
    "证件类型": "证件类型",
    "证件名称": "证件号码的名称，按证件类型：居民身份证号码、统一社会信用代码、护照号码、证件号码",
    "证件号码": "身份证件号码（单位为统一社会信用代码）",
    "联系方式": "联系电话",
    "住址": "住址（单位为住所地）",
    "送达地址": "送达地址",
    "职业": "职业",
    "工作单位": "工作单位",
    "职业或职务": "职业或职务",
    "单位或住址": "工作单位或住址",
    "法定代表人": "法定代表人（负责人）姓名",
    "法定代表人职务": "法定代表人职务",
    "代理人": "委托代理人",
    "代理人电话": "委托代理人电话",
    "代理人关系": "代理人与当事人的关系",
}

# Names every @每个 item gets from its position.
LOOP_FIELDS: dict[str, str] = {
    "序号": "汉字序号：一、二、三",
    "编号": "数字序号：1、2、3",
    "方": "甲方、乙方、丙方……",
}

LISTS: dict[str, dict[str, str]] = {
    "当事人": PARTY_FIELDS,
    "申请人": PARTY_FIELDS,
    "被申请人": PARTY_FIELDS,
    "第三人": PARTY_FIELDS,
    "自然人当事人": PARTY_FIELDS,
    "单位当事人": PARTY_FIELDS,
    "请求": {"内容": "申请事项的一项"},
    "条款": {"内容": "协议条款的一条"},
    "问答": {"问": "问", "答": "答"},
    "目录": {"名称": "文书名称", "页号": "页号", "备注": "备注"},
}

LIST_DESCRIPTIONS: dict[str, str] = {
    "当事人": "全部当事人", "申请人": "申请人", "被申请人": "被申请人", "第三人": "第三人",
    "自然人当事人": "是自然人的当事人", "单位当事人": "是法人或其他组织的当事人",
    "请求": "申请事项（逐项）", "条款": "协议条款（逐条）", "问答": "调查记录的问与答",
    "目录": "卷内目录的各行",
}


def unknown_field(name: str, loops: list[str], *, condition: bool = False) -> str:
    """'' if ``name`` may be used inside the loops ``loops``; otherwise a message why not."""
    if "." in name:
        loop, _, item_field = name.partition(".")
        if loop not in LISTS:
            return f"没有名为“{loop}”的列表"
        if loop not in loops:
            return f"“{name}”只能写在“@每个 {loop}”和“@结束”之间"
        if item_field not in LISTS[loop] and item_field not in LOOP_FIELDS:
            known = "、".join(list(LISTS[loop]) + list(LOOP_FIELDS))
            return f"列表“{loop}”没有字段“{item_field}”（可用：{known}）"
        return ""
    if name in FIELDS:
        return ""
    if condition and name in LISTS:
        return ""   # @如果 第三人: the list is not empty
    if name in LISTS:
        return f"“{name}”是列表，请用“@每个 {name}”逐项印出，或写“{{{name}.字段}}”"
    for loop in loops:
        if name in LISTS[loop] or name in LOOP_FIELDS:
            return f"没有字段“{name}”；在“@每个 {loop}”里请写“{{{loop}.{name}}}”"
    return f"没有名为“{name}”的字段（字段一览见 forms/README.md）"
