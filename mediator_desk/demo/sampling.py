"""What the sample data is drawn from: places of Chifeng, names (Han names from faker's zh_CN
lists, Mongolian names, rare characters such as 䶮 堃 𫖮), valid ID numbers and credit codes,
phones, the weights of dispute types, sources and statuses, the shapes of a generated case and
of the township it happens in, and the seeded helpers that draw from them (``Weighted``,
``draw_uuid``). Every person is invented; place names are plausible samples.
"""

from __future__ import annotations

import random
import uuid
from bisect import bisect
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate

from faker.providers.person.zh_CN import Provider as _ZhNames
from stdnum.cn import ric, uscc

# --- places ---------------------------------------------------------------------------------

CITY = ("赤峰市", "150400")
# The nine rural banners/counties of Chifeng with sample townships of each.
COUNTIES = [
    ("阿鲁科尔沁旗", "150421", ["巴彦花镇", "绍根镇", "巴彦温都尔苏木"]),
    ("巴林左旗", "150422", ["林东镇", "隆昌镇", "哈拉哈达镇"]),
    ("巴林右旗", "150423", ["大板镇", "索博日嘎镇", "查干沐沦苏木"]),
    ("林西县", "150424", ["林西镇", "新城子镇", "大井镇"]),
    ("克什克腾旗", "150425", ["经棚镇", "达来诺日镇", "巴彦查干苏木"]),
    ("翁牛特旗", "150426", ["乌丹镇", "乌敦套海镇", "白音套海苏木"]),
    ("喀喇沁旗", "150428", ["锦山镇", "王爷府镇", "美林镇"]),
    ("宁城县", "150429", ["天义镇", "八里罕镇", "大城子镇"]),
    ("敖汉旗", "150430", ["新惠镇", "四家子镇", "萨力巴乡"]),
]
ALL_COUNTY_CODES = ["150402", "150403", "150404"] + [c[1] for c in COUNTIES]
GACHA_NAMES = ["白音花", "哈日朝鲁", "乌兰哈达", "查干诺尔", "巴彦宝力格", "敖包", "宝日浩特",
               "额尔敦", "阿拉坦", "呼和哈达", "塔拉", "浩特", "乌兰套海", "巴彦温都"]
VILLAGE_NAMES = ["红旗", "东升", "前进", "新立", "永兴", "太平", "兴隆", "富裕", "双井", "三道沟",
                 "四家子", "榆树林", "柳条沟", "杏树洼", "南营子", "北山", "东井", "五间房",
                 "大营子", "马架子", "十家", "六合", "朝阳", "黄花"]
GROUP_NUMERALS = "一二三四五六七八"

# --- people ---------------------------------------------------------------------------------

SURNAMES = list(_ZhNames.last_names)
SURNAME_WEIGHTS = list(_ZhNames.last_names.values())
GIVEN_MALE = list(_ZhNames.first_names_male) + list("建国志文海春德明福宝山林成刚平辉军")
GIVEN_FEMALE = list(_ZhNames.first_names_female) + list("玉凤桂兰秀春梅华英艳红霞丽娟")
# Mongolian names are common in Chifeng; many Mongols also use a Han surname (包, 白, 宝 …).
MONGOLIAN_MALE = ["乌力吉", "巴特尔", "额尔敦", "朝鲁", "孟和", "那仁", "阿拉坦仓", "宝音",
                  "格日勒图", "布和", "巴雅尔", "特木尔", "达来", "哈斯", "额日登", "满都拉",
                  "吉日嘎拉", "查干", "苏和", "毕力格"]
MONGOLIAN_FEMALE = ["其其格", "斯琴", "苏日娜", "敖登格日勒", "乌兰", "萨仁", "图雅", "娜仁花",
                    "其木格", "阿如汗", "塔娜", "高娃", "斯琴高娃", "乌云", "托娅"]
MONGOLIAN_SURNAMES = ["包", "白", "宝", "鲍", "韩", "吴", "王"]
# Rare characters that real name fields must survive (Ext A, Ext B and compatibility planes).
RARE_CHARS = ["䶮", "堃", "喆", "昇", "赟", "燚", "玥", "㑇", "㛃", "𫖮"]

# Ethnicity codes (GB/T 3304) with rough Chifeng shares: Han, Mongol, Hui, Manchu.
ETHNICITY_WEIGHTS = (("01", 78), ("02", 19), ("03", 1.5), ("11", 1.5))
OCCUPATIONS = ["农民", "农民", "农民", "牧民", "个体工商户", "外出务工人员", "退休职工", "无业",
               "教师", "货车司机", "养殖户", "村干部", "个体运输户", "家庭主妇"]
MEDIATOR_PROFESSIONS = ["村干部", "退休教师", "退休民警", "退休法官", "律师", "乡村医生", "农民",
                        "牧民", "个体工商户", "司法所工作人员", "老党员"]
MEDIATOR_TITLES = ["", "", "", "", "", "一级人民调解员", "二级人民调解员", "首席调解员", "金牌调解员",
                   "银牌调解员"]
EDUCATION_WEIGHTS = (("20", 6), ("30", 12), ("40", 8), ("60", 30), ("70", 34), ("80", 10))

# --- cases ----------------------------------------------------------------------------------

DISPUTE_TYPES = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13",
                 "14", "99"]
# Rural committees see mostly family, neighbour, land and house-plot disputes.
DISPUTE_WEIGHTS = [18, 20, 11, 7, 5, 8, 10, 3, 1.5, 4, 2, 1.5, 4, 1, 4]
SOURCES = ["apply", "initiative", "court", "police", "petition", "procuratorate", "government"]
SOURCE_WEIGHTS = [55, 20, 8, 8, 5, 1, 3]
# Amount at stake, in yuan (low, high) and the chance that a case has none.
AMOUNTS = {"01": (2000, 200000, 0.5), "02": (200, 8000, 0.5), "03": (3000, 120000, 0.3),
           "04": (5000, 500000, 0.05), "05": (5000, 300000, 0.1), "06": (1000, 100000, 0.05),
           "07": (2000, 200000, 0.3), "08": (20000, 800000, 0.1), "09": (5000, 200000, 0.2),
           "10": (3000, 80000, 0.05), "11": (200, 30000, 0.1), "12": (10000, 500000, 0.05),
           "13": (5000, 600000, 0.02), "14": (500, 20000, 0.1), "99": (500, 50000, 0.5)}
# Dispute types where the other side is often an organisation, with the kinds of organisation.
ORG_PARTIES = {
    "04": ["{town}{word}农资有限公司", "赤峰{word}建筑工程有限公司", "{county}{word}农牧业专业合作社"],
    "05": ["{county}{word}农牧业专业合作社", "赤峰{word}商贸有限公司"],
    "08": ["{town}人民政府"],
    "09": ["赤峰{word}化工有限公司", "{county}{word}矿业有限责任公司"],
    "10": ["赤峰{word}建筑工程有限公司", "{county}{word}食品有限公司", "{county}{word}矿业有限责任公司"],
    "11": ["{town}{word}超市", "赤峰{word}电器商行"],
    "12": ["{town}卫生院", "{county}{word}医院"],
    "13": ["{word}财产保险股份有限公司赤峰中心支公司", "赤峰{word}运输有限公司"],
    "14": ["赤峰{word}物业服务有限公司"],
}
ORG_WORDS = ["恒泰", "鑫源", "兴旺", "金穗", "草原", "北疆", "福瑞", "宏达", "丰收", "瑞祥", "安达",
             "顺通", "蒙源", "华信", "泰和"]

SUMMARIES = {
    "01": ["{a}与{b}系夫妻，婚后因家庭琐事及赡养老人问题经常争吵，{a}提出离婚，双方对子女抚养和共同财产分割意见不一。",
           "{a}年逾七旬，其子{b}长期未尽赡养义务，{a}生活困难，要求{b}每月支付赡养费。",
           "{a}与{b}系兄妹，因父母遗留房屋及{amount}元存款的继承问题发生争执。"],
    "02": ["{a}与{b}系前后院邻居，{b}翻建院墙时越过原界址约半米，{a}认为侵占其院落，双方多次争吵。",
           "{b}家饲养的牛羊多次进入{a}家承包地啃食庄稼，{a}要求赔偿损失约{amount}元。",
           "{a}与{b}两家因排水沟走向发生争执，雨季{b}家院内积水排入{a}家，引发口角。"],
    "03": ["{a}与{b}两户宅基地相邻，{b}新建房屋占用{a}家宅基地约二十平方米，{a}要求恢复原状。",
           "{a}购买{b}位于{village}的房屋，已付房款{amount}元，因未办理过户手续双方发生纠纷。"],
    "04": ["{a}与{b}签订买卖合同，{a}交付货物后{b}拖欠货款{amount}元至今未付。",
           "{a}承包{b}的{village}土地种植玉米，合同期未满{b}提前收回土地，{a}要求赔偿损失{amount}元。",
           "{a}向{b}借款{amount}元并出具借条，约定一年内归还，到期后未还。"],
    "05": ["{a}与{b}合伙经营养殖场，因利润分配及投资款{amount}元的返还发生争议。",
           "{a}与{b}合伙收购牛羊转卖，散伙时对剩余牲畜和欠款的分割意见不一。"],
    "06": ["{b}驾驶农用三轮车倒车时撞坏{a}家大门及围墙，{a}要求赔偿修复费用{amount}元。",
           "{a}在{b}家帮工时从房顶摔下致腰部受伤，花去医疗费{amount}元，双方就赔偿发生争议。",
           "{b}家的狗咬伤{a}，{a}要求{b}承担医疗费及误工费共计{amount}元。"],
    "07": ["{a}与{b}因{village}草牧场边界发生争议，双方各执一词，{b}在争议地段拉设围栏。",
           "{a}与{b}两家承包地相邻，因地界石移位，{a}认为{b}多种了约一亩地。",
           "{a}与{b}对{village}一片林地的承包经营权存在争议，涉及树木价值约{amount}元。"],
    "08": ["{village}道路拓宽工程征用{a}家承包地，{a}对补偿标准有异议，要求增加补偿款{amount}元。",
           "{a}认为其房屋拆迁补偿面积计算有误，与{b}就补偿款{amount}元的差额发生争议。"],
    "09": ["{b}的厂房排放粉尘和废水，{a}称其家中饮用水井受到污染、庄稼减产，要求赔偿{amount}元。",
           "{b}在{a}家附近建设养殖场，气味和噪声影响{a}一家正常生活，{a}要求停止侵害。"],
    "10": ["{a}在{b}处务工，工程结束后{b}拖欠工资{amount}元未付。",
           "{a}在{b}务工期间受伤，双方就工伤待遇及误工费{amount}元发生争议。"],
    "11": ["{a}在{b}购买的农药使用后造成玉米苗大面积枯死，要求{b}赔偿损失{amount}元。",
           "{a}从{b}购买的冰箱使用一个月即出现故障，多次维修未果，要求退货退款{amount}元。"],
    "12": ["{a}在{b}治疗期间病情加重，{a}家属认为{b}存在诊疗过错，要求赔偿{amount}元。",
           "{a}在{b}输液后出现过敏反应，对医疗费用{amount}元的承担发生争议。"],
    "13": ["{b}驾驶机动车与{a}驾驶的电动三轮车相撞，致{a}受伤，交警认定{b}负主要责任，双方就赔偿数额{amount}元协商未果。",
           "{a}与{b}在村道会车时发生剐蹭，双方对车辆维修费{amount}元的承担有争议。"],
    "14": ["{a}认为{b}物业服务不到位、供暖温度不达标，拒交物业费{amount}元，双方发生争执。",
           "{b}以{a}拖欠物业费为由停止为其提供服务，{a}要求恢复并减免部分费用。"],
    "99": ["{a}与{b}因婚丧嫁娶随礼往来及{amount}元的人情账目发生争执。",
           "{a}与{b}因村务公开及集体收益分配问题发生争议，涉及款项约{amount}元。"],
}
CLAIMS = {
    "01": ["请求调解离婚，子女由申请人抚养，依法分割共同财产", "请求被申请人每月支付赡养费并定期看望老人",
           "请求依法分割遗产"],
    "02": ["请求被申请人拆除越界部分院墙，恢复原界址", "请求被申请人赔偿庄稼损失并看管好牲畜",
           "请求被申请人改建排水沟，停止排水侵害"],
    "03": ["请求被申请人停止侵占宅基地，恢复原状", "请求被申请人协助办理房屋过户手续"],
    "04": ["请求被申请人支付欠款及利息", "请求解除合同并赔偿损失", "请求被申请人按期归还借款"],
    "05": ["请求依法分割合伙财产，返还投资款", "请求清算合伙账目"],
    "06": ["请求被申请人赔偿医疗费、误工费等各项损失", "请求被申请人承担修复费用"],
    "07": ["请求确认草牧场边界，拆除争议地段围栏", "请求恢复地界，返还多占土地", "请求确认林地承包经营权"],
    "08": ["请求按标准增加征地补偿款", "请求重新核定拆迁补偿面积"],
    "09": ["请求停止排污并赔偿损失", "请求采取措施减少气味和噪声影响"],
    "10": ["请求支付拖欠的劳动报酬", "请求支付工伤医疗费及误工费"],
    "11": ["请求赔偿农作物损失", "请求退货并退还货款"],
    "12": ["请求医疗机构承担赔偿责任", "请求减免相关医疗费用"],
    "13": ["请求赔偿医疗费、误工费、护理费等损失", "请求承担车辆维修费用"],
    "14": ["请求减免部分物业费，改善物业服务", "请求恢复物业服务"],
    "99": ["请求查清账目、返还款项", "请求公开账目并依法分配收益"],
}
RISK_NOTES = ["双方情绪激动，曾发生推搡，存在民转刑风险，已告知派出所",
              "一方扬言要上访，存在群体性上访苗头", "双方亲属聚集，存在群体性械斗风险，已向司法所报告",
              "申请人情绪低落，有过激言语，已安排专人稳控", "双方多次发生肢体冲突，已报告村警务室"]
REFERRALS = {
    "court": "{county}人民法院诉前委派（{year}）蒙04{n:02d}诉前调{k}号",
    "police": "{county}公安局{town_short}派出所移送",
    "petition": "{county}信访局转交",
    "procuratorate": "{county}人民检察院移送",
    "government": "{town}人民政府综治中心转交",
}
AGENT_RELATIONS = ["儿子", "女儿", "配偶", "兄弟", "侄子"]


# --- the world ------------------------------------------------------------------------------

@dataclass
class DemoCase:
    """One generated case: the rows of its records, ready for writing.

    ``extra`` maps a travelling table to more rows for it (added by :data:`STAGES`).
    """

    case: dict
    parties: list[dict]
    mediators: list[dict]
    extra: dict[str, list[dict]] = field(default_factory=dict)


@dataclass
class DemoWorld:
    """The township the cases happen in: places, committees, mediators, the time window."""

    seed: int
    today: date
    start: date
    county: str
    county_code: str
    town: str
    city: dict = field(default_factory=dict)
    organisations: list[dict] = field(default_factory=list)
    committees: list[dict] = field(default_factory=list)       # township first, then villages
    committee_weights: list[float] = field(default_factory=list)
    groups: dict[str, list[str]] = field(default_factory=dict)  # village id → group names
    mediators: list[dict] = field(default_factory=list)
    mediators_by_org: dict[str, list[dict]] = field(default_factory=dict)



_EPOCH = date(1970, 1, 1).toordinal()


def draw_uuid(rng: random.Random, when: date | None = None, tick: int = 0) -> str:
    """A record id drawn from the seeded generator. With ``when`` it is a time-ordered UUID
    (version 7 layout: milliseconds first), so records written in date order land next to
    each other in the primary-key index — bulk writes of 200,000 cases stay fast."""
    if when is None:
        return uuid.UUID(int=rng.getrandbits(128), version=4).hex
    ms = (when.toordinal() - _EPOCH) * 86_400_000 + tick
    # Formatted directly (uuid.UUID() costs seconds over a million ids): version 7, variant 10.
    return f"{(ms << 80) | (7 << 76) | (rng.getrandbits(12) << 64) | (2 << 62) | rng.getrandbits(62):032x}"


class Weighted:
    """A fixed weighted choice, with the cumulative weights computed once (``rng.choices``
    recomputes them per call, which costs seconds over 200,000 cases)."""

    def __init__(self, pairs):
        pairs = list(pairs)
        self.items = [p[0] for p in pairs]
        self.cum = list(accumulate(p[1] for p in pairs))

    def pick(self, rng: random.Random):
        return self.items[bisect(self.cum, rng.random() * self.cum[-1])]


SURNAME_PICK = Weighted(zip(SURNAMES, SURNAME_WEIGHTS))
ETHNICITY = Weighted(ETHNICITY_WEIGHTS)
EDUCATION = Weighted(EDUCATION_WEIGHTS)
DISPUTE_PICK = Weighted(zip(DISPUTE_TYPES, DISPUTE_WEIGHTS))
SOURCE = Weighted(zip(SOURCES, SOURCE_WEIGHTS))
PARTY_COUNT = Weighted([(1, 12), (2, 75), (3, 13)])
MEDIATOR_COUNT = Weighted([(1, 6), (2, 4)])
STATUS_NEW = Weighted([("registered", 4), ("accepted", 3), ("mediating", 3)])
STATUS_RECENT = Weighted([("accepted", 2), ("mediating", 20), ("agreed", 65), ("ended", 7),
                           ("withdrawn", 4), ("refused", 2)])
STATUS_OLD = Weighted([("agreed", 88), ("ended", 6), ("withdrawn", 3), ("refused", 3)])


def person_name(rng: random.Random, sex: str, ethnicity: str = "01") -> str:
    """A Chinese name for a person: Han (faker zh_CN lists), Mongolian, sometimes a rare character."""
    if ethnicity == "02" and rng.random() < 0.7:
        given = rng.choice(MONGOLIAN_MALE if sex == "男" else MONGOLIAN_FEMALE)
        return rng.choice(MONGOLIAN_SURNAMES) + given if rng.random() < 0.4 else given
    surname = SURNAME_PICK.pick(rng)
    pool = GIVEN_MALE if sex == "男" else GIVEN_FEMALE
    given = rng.choice(pool)
    if len(given) == 1 and rng.random() < 0.6:
        given += rng.choice(pool)[0]
    if rng.random() < 0.015:
        given = given[:-1] + rng.choice(RARE_CHARS) if len(given) > 1 else rng.choice(RARE_CHARS)
    return surname + given[:2]


def id_number(rng: random.Random, birth: date, sex: str, region: str) -> str:
    """A resident ID number (GB 11643) with a correct check digit; odd sequence digit = male."""
    seq = rng.randrange(0, 500) * 2 + (1 if sex == "男" else 0)
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    # stdnum's calc_check_digit takes the whole number and ignores its last character.
    return body + ric.calc_check_digit(body + "0")


def credit_code(rng: random.Random, region: str) -> str:
    """A unified social credit code (统一社会信用代码) with a correct check digit."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "91" + region + "".join(rng.choice(alphabet[:10] if i < 8 else alphabet)
                                   for i in range(9))
    return body + uscc.calc_check_digit(body)


def mobile(rng: random.Random) -> str:
    return "1" + rng.choice("3578") + rng.choice("0123456789") + f"{rng.randrange(10**8):08d}"


def phone(rng: random.Random) -> str:
    """Mostly mobiles; some landlines with Chifeng's area code, normalised as check_phone does."""
    if rng.random() < 0.08:
        return f"0476-{rng.randrange(2, 9)}{rng.randrange(10**6):06d}"
    return mobile(rng)


def birth_date(rng: random.Random, on: date, lo: int, hi: int) -> date:
    age_days = rng.randrange(lo * 365 + 30, hi * 365)
    return on - timedelta(days=age_days)
