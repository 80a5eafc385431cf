"""The extraction passes' choices on Japanese and Chinese pages: texts compared in the words that
`word_count` counts, so a sentence written without spaces weighs as many words as it is long."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from tests.test_extract import raw
from transforms.extract import kept_share, own_extractor_text, recall_text_wins
from transforms.options import ExtractOptions
from transforms.words import word_count, words


def share_by_word_character_runs(first: str, second: str) -> float:
    """kept_share as it was counted before (runs of word characters): a Japanese or Chinese clause
    is one word there, and Latin letters run on into the kana or ideographs beside them."""
    first_words = Counter(re.findall(r"\w+", first.casefold()))
    common = first_words & Counter(re.findall(r"\w+", second.casefold()))
    return sum(common.values()) / sum(first_words.values())


# A Japanese story (the harbour council votes for new cranes) and two more paragraphs of it.
JA_STORY = [
    "港町の市議会は十四日、老朽化した東岸埠頭のクレーン三基を来年度中に更新する計画を賛成多数で可決した。",
    "総事業費は約四十二億円で、国の補助金と市の港湾基金を充てる。",
    "埠頭を利用する運送会社からは、故障による荷役の遅れが続いているとして、早期の更新を求める声が上がっていた。",
    "一方、一部の議員は漁業者への説明が不十分だとして、工事期間中の航路の安全対策を示すよう市に求めた。",
    "市港湾局によると、新しいクレーンは電動式で、現在の機械に比べて燃料費と騒音を大幅に減らせるという。",
    "工事は来年春に始まり、再来年の夏までに三基すべてが稼働する見通しだ。",
    "市長は記者会見で「港の競争力を取り戻すための第一歩だ」と述べた。",
]
JA_MORE = [
    "埠頭の周辺では、工事の騒音や大型車両の通行を心配する住民も少なくない。",
    "市は来月、地元の自治会を対象にした説明会を二回開き、工事の手順と期間を説明する予定だ。",
    "港湾局の担当者は「住民の生活への影響をできる限り小さくしたい」と話している。",
]
# Sites for readers abroad often put a line of English above the story.
JA_SUMMARY = "In English: The city council voted on Thursday to replace three old cranes on the east quay next year."
JA_PAGE = (
    "<html><head><title>東岸埠頭のクレーン更新へ</title></head><body><nav><a href='/'>ホーム</a></nav>"
    f"<article><h1>東岸埠頭のクレーン更新へ</h1><p>{JA_SUMMARY}</p>"
    + "".join(f"<p>{sentence}</p>" for sentence in JA_STORY)
    + "</article></body></html>"
)


def test_own_extractor_does_not_cut_a_longer_japanese_text_of_the_same_story():
    """The first pass kept the story and two more paragraphs of it; the own extractor's text is the
    story under its English summary line. Counted in words the own text is mostly in the first
    (not another block), so the longer text stays; counted in runs of word characters the seven
    sentences weigh about as much as the one English line, and the story would be cut."""
    first = "\n".join(JA_STORY + JA_MORE)
    options = ExtractOptions()
    assert own_extractor_text(raw(JA_PAGE.encode()), JA_PAGE, options, first) == first
    own = "\n".join([JA_SUMMARY, *JA_STORY])
    assert kept_share(own, first) >= options.own_pass_max_kept > share_by_word_character_runs(own, first)


# A Chinese story (more ferries to the islands), its first five paragraphs the short first text.
ZH_STORY = [
    "海岛县政府十四日宣布，从明年夏天起，往返本岛和北岛的渡轮将由每天四班增加到八班。",
    "县交通局表示，新增的两艘渡轮每艘可载客三百人，早上六点起每小时开出一班。",
    "多年来，每逢七八月旅游旺季，码头上等船的队伍常常排到街口，居民和游客都颇有怨言。",
    "北岛居民代表对增班表示欢迎，但希望县政府为常住居民提供更便宜的月票。",
    "县交通局说，票价方案将在年底前公布，届时会听取居民和旅游业者的意见。",
    "据介绍，新渡轮采用混合动力，燃油消耗比现有船只减少约三成。",
    "码头附近的商户则担心，班次增加后停车位会更加紧张，希望县里同时扩建停车场。",
    "县长在记者会上说，交通改善是海岛发展的基础，今后还将研究开通南岛航线。",
    "交通局负责人补充说，明年春天将先试运行一个月，根据乘客数量再调整时刻表。",
    "旅游业者普遍认为，班次增加有助于延长游客的停留时间，带动岛上的餐饮和住宿。",
    "也有环保团体指出，航班加密可能影响附近海域的鸟类栖息地，要求县政府先做环境评估。",
    "对此，县交通局回应说，评估报告已委托大学研究团队编写，预计秋天完成并向社会公开。",
    "北岛小学的老师说，学生们每天要坐船上学，班次多了以后，孩子们就不用再早起赶头班船了。",
    "目前，两艘新船正在本岛船厂建造，县政府计划明年五月在码头举行首航仪式。",
]
ZH_CREDIT = (
    "Photo: Island Daily News / Li Wei. All rights reserved. "
    "No reproduction without written permission from the publisher."
)


def test_recall_text_of_the_whole_chinese_story_wins_over_its_first_paragraphs():
    """The first pass kept five paragraphs and the photo credit; the recall pass the whole story
    without the credit. Most of the first text's words are in it: it wins. Counted in runs of word
    characters each Chinese sentence would be two or three words against the credit's seventeen, and
    the recall text would look like another block of the page."""
    first = "\n".join([*ZH_STORY[:5], ZH_CREDIT])
    second = "\n".join(ZH_STORY)
    options = ExtractOptions()
    assert word_count(first) >= options.fallback_story_min_words
    assert recall_text_wins(first, second, options)
    assert kept_share(first, second) >= options.fallback_min_kept > share_by_word_character_runs(first, second)


def test_recall_text_of_another_block_loses_to_a_japanese_story():
    """A recall text of the site's reading list, twice as long as the story, keeps none of it."""
    reading_list = "\n".join(f"【関連記事】{sentence}" for sentence in JA_MORE * 6)
    first = "\n".join(JA_STORY)
    assert word_count(reading_list) >= 2 * word_count(first)
    assert not recall_text_wins(first, reading_list, ExtractOptions())


def test_a_first_text_under_the_story_length_has_no_story_to_keep():
    """A slogan or a headline is not guarded: the recall text wins on length alone."""
    slogan = "港の未来を、市民とともに。"
    options = ExtractOptions()
    assert word_count(slogan) < options.fallback_story_min_words
    reading_list = "\n".join(JA_STORY)
    assert kept_share(slogan, reading_list) < options.fallback_min_kept
    assert recall_text_wins(slogan, reading_list, options)
    assert not recall_text_wins(slogan, reading_list, replace(options, fallback_story_min_words=0))


def test_words_are_what_word_count_counts():
    text = "市長は記者会見で「第一歩だ」と述べた。 The mayor said — “a first step”. ภาษาไทย"
    assert len(words(text)) == word_count(text)
    assert words("市議会は十四日") == ["市議", "会は", "十四", "日"]
    assert words("Apple は iPhone 16 を") == ["Apple", "は", "iPhone", "16", "を"]
    assert "—" not in words(text)
