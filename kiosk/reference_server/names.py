"""Synthetic Chinese and Mongolian personal names, and the masking the service applies.

The pools are ordinary; the generator adds the hard cases on purpose: characters outside the
Basic Multilingual Plane (𠮷), rare CJK characters (䶮, 堃, 赟) that many fonts lack, and
Mongolian names written with the middle dot (巴特尔·额尔敦).
"""

from __future__ import annotations

import random

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡"
    "贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
)
_MALE = "伟强军磊勇杰涛明超刚平辉鹏华飞斌宇浩凯健俊帆旭宁龙林波峰建国志海东亮文博晨阳鑫振"
_FEMALE = "芳娜敏静丽艳娟霞秀英玲燕红梅琳婷雪慧洁兰萍颖倩月凤桂春玉丹蕾"
_MONGOLIAN_MALE = ("巴特尔", "额尔敦", "乌力吉", "巴雅尔", "苏和", "毕力格", "朝鲁", "孟和", "那顺")
_MONGOLIAN_FEMALE = ("其其格", "娜仁", "萨仁", "乌兰", "高娃", "托娅", "琪琪格", "格日勒")

RARE_CHARACTERS = ("𠮷", "䶮", "堃", "赟")


def chinese(rng: random.Random, *, female: bool, surname: str | None = None) -> str:
    """A surname and a one- or two-character given name."""
    pool = _FEMALE if female else _MALE
    given = "".join(rng.choice(pool) for _ in range(rng.choice((1, 2, 2))))
    return (surname or rng.choice(SURNAMES)) + given


def mongolian(rng: random.Random, *, female: bool) -> str:
    """A given name and a father's name joined by the middle dot."""
    first = rng.choice(_MONGOLIAN_FEMALE if female else _MONGOLIAN_MALE)
    return f"{first}·{rng.choice(_MONGOLIAN_MALE)}"


def surname_of(name: str) -> str:
    return name[0]


def mask(name: str) -> str:
    """Keep the first and last character, star the rest, keep the middle dot.

    李某某 → 李*某, 王芳 → 王*, 巴特尔·额尔敦 → 巴**·**敦. Works on code points (𠮷 is one).
    """
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    middle = "".join("·" if ch == "·" else "*" for ch in name[1:-1])
    return name[0] + middle + name[-1]
