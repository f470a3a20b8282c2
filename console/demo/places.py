"""The invented prefecture-level city of the demo: its divisions, departments and topics.

云溪市 (331200) has two districts and six counties. Township and street offices have no sites of
their own: their content is published on the county portal.
"""

from __future__ import annotations

from dataclasses import dataclass

PROVINCE_SHORT = "浙"
CITY_NAME = "云溪市"
CITY_CODE = "331200"
CITY_DOMAIN = "yunxi.gov.cn"
# The city's data centre sits in the first district, so city-level sites file with its police.
HOSTING_DIVISION = "331202"


@dataclass(frozen=True)
class Division:
    """A county-level division: code, name, its name in pinyin, and how its portal is reached."""

    code: str
    name: str
    pinyin: str
    own_domain: bool

    @property
    def portal_domain(self) -> str:
        """The portal's main domain: its own ``www.X.gov.cn`` or ``www.X`` under the city's."""
        return (
            f"www.{self.pinyin}.gov.cn" if self.own_domain else f"www.{self.pinyin}.{CITY_DOMAIN}"
        )

    @property
    def base_domain(self) -> str:
        """The domain its departments' sites live under."""
        return self.portal_domain.removeprefix("www.")


DIVISIONS = (
    Division("331202", "溪东区", "xidong", False),
    Division("331203", "北湖区", "beihu", False),
    Division("331221", "青山县", "qingshan", False),
    Division("331222", "石门县", "shimen", False),
    Division("331223", "桃溪县", "taoxi", False),
    Division("331224", "梅岭县", "meiling", True),
    Division("331225", "临江县", "linjiang", False),
    Division("331226", "白沙县", "baisha", True),
)


@dataclass(frozen=True)
class Department:
    """A government department: the part of its name after the division, and a domain label."""

    name: str
    abbr: str
    mlps_level: int = 2


CITY_DEPARTMENTS = (
    Department("发展和改革委员会", "fgw"),
    Department("教育局", "jyj"),
    Department("科学技术局", "kjj"),
    Department("经济和信息化局", "jxj"),
    Department("公安局", "gaj", 3),
    Department("民政局", "mzj"),
    Department("司法局", "sfj"),
    Department("财政局", "czj"),
    Department("人力资源和社会保障局", "rlsbj", 3),
    Department("自然资源和规划局", "zrzyj"),
    Department("生态环境局", "sthjj"),
    Department("住房和城乡建设局", "zjj"),
    Department("交通运输局", "jtysj"),
    Department("水利局", "slj"),
    Department("农业农村局", "nyncj"),
    Department("商务局", "swj"),
    Department("文化广电旅游局", "wgly"),
    Department("卫生健康委员会", "wjw"),
    Department("退役军人事务局", "tyjrj"),
    Department("应急管理局", "yjglj"),
    Department("审计局", "sjj"),
    Department("市场监督管理局", "scjgj"),
    Department("统计局", "tjj"),
    Department("医疗保障局", "ybj", 3),
    Department("体育局", "tyj"),
    Department("综合行政执法局", "zfj"),
    Department("机关事务管理局", "jgswj"),
    Department("大数据发展管理局", "dsjj", 3),
    Department("信访局", "xfj"),
    Department("民族宗教事务局", "mzzjj"),
    Department("人民防空办公室", "rfb"),
    Department("外事办公室", "wsb"),
    Department("人民政府国有资产监督管理委员会", "gzw"),
    Department("地方金融监督管理局", "jrb"),
    Department("投资促进局", "tzcjj"),
    Department("住房公积金管理中心", "gjj", 3),
    Department("供销合作社联合社", "gxs"),
    Department("政务服务管理办公室", "zwfw", 3),
    Department("粮食和物资储备局", "lsj"),
    Department("档案局", "daj"),
)
COUNTY_DEPARTMENTS = (
    Department("教育局", "jyj"),
    Department("公安局", "gaj", 3),
    Department("财政局", "czj"),
    Department("人力资源和社会保障局", "rlsbj"),
    Department("自然资源和规划局", "zrzyj"),
    Department("住房和城乡建设局", "zjj"),
    Department("农业农村局", "nyncj"),
    Department("卫生健康局", "wjj"),
    Department("市场监督管理局", "scjgj"),
    Department("应急管理局", "yjglj"),
    Department("民政局", "mzj"),
    Department("文化和广电旅游体育局", "wgltj"),
    Department("交通运输局", "jtysj"),
    Department("水利局", "slj"),
)
# Extra departments beyond the named ones stand for subordinate units of a department.
SUBUNITS = ("执法支队", "事务中心", "服务中心", "信息中心", "研究中心", "监测站", "管理站")


@dataclass(frozen=True)
class Special:
    """A special-topic site run by one of the city's departments."""

    name: str
    abbr: str
    organiser: str


SPECIALS = (
    Special("优化营商环境专题", "yshj", "发展和改革委员会"),
    Special("乡村振兴专题", "xczx", "农业农村局"),
    Special("数字政府建设专题", "szzf", "大数据发展管理局"),
    Special("全国文明城市创建专题", "wmcj", "文化广电旅游局"),
)

# Birthplaces of invented residents whose ID numbers the demo plants in posts: real
# county-level codes (the ID check accepts only divisions that existed in the birth year), none
# of them in 云溪市; all have existed since 1983, the earliest birth year the demo uses.
BIRTHPLACES = ("330102", "330105", "330106", "330203", "330602", "110105", "310104", "320102")
