"""Fixture texts and tables (fictitious agencies, written for these tests); validate_fixture_build.py renders them."""

from __future__ import annotations

from validate_fixture_build import t3_table, t4_table

MEASURES = (
    "一是加强组织领导，调整政务公开工作领导小组，明确分管领导和专职人员；"
    "二是完善制度建设，修订依申请公开办理规程和保密审查办法，规范受理、登记、审核、答复各环节；"
    "三是加强培训，组织业务培训和专题学习，提升工作人员依法公开意识。"
)
PROBLEMS_2021 = (
    "本年度政府信息公开工作虽取得一定成效，但仍存在一些不足：一是政策解读形式较为单一，"
    "图解、视频等多样化解读偏少；二是部分业务科室主动公开意识不强，信息报送不够及时。"
    "下一步，我们将丰富解读形式，推动解读材料与政策文件同步起草、同步审签、同步发布；"
    "建立信息报送通报机制，将政务公开纳入年度绩效考核，确保信息发布及时准确。"
)

BAILU = {
    "agency": "云梦山市白鹭区市场监督管理局", "year": 2023, "format": "2021",
    "t2": {"normative_docs.issued": 3, "normative_docs.repealed": 1, "normative_docs.valid": 12,
           "licensing.decisions": 2360, "penalty.decisions": 415, "coercion.decisions": 37,
           "admin_fees.amount_wan_yuan": 12.5},
    "t3": t3_table("2021",
                   new={"np": 38, "biz": 6, "law": 2, "oth": 1}, carry_in={"np": 3},
                   results={"granted": {"np": 20, "biz": 3, "law": 1}, "partial": {"np": 5, "biz": 1},
                            "deny_third_party": {"np": 2}, "deny_process": {"np": 1},
                            "na_not_held": {"np": 6, "biz": 1}, "na_unclear": {"np": 1},
                            "np_petition": {"np": 2}, "other_no_correction": {"np": 1, "oth": 1}}),
    "t4": t4_table((2, 1, 0, 1), (0, 0, 1, 2), (2, 0, 0, 0)),
    "sections": {
        "s1": (
            "2023年，白鹭区市场监督管理局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻"
            "《中华人民共和国政府信息公开条例》，围绕市场监管中心工作，扎实推进政府信息公开。\n"
            "（一）主动公开\n"
            "全年通过区政府门户网站主动公开政府信息1264条，发布政策解读18篇。制发行政规范性文件«t2.normative_docs.issued»件，"
            "废止行政规范性文件«t2.normative_docs.repealed»件，现行有效的行政规范性文件共«t2.normative_docs.valid»件。"
            "依法公开行政许可决定«t2.licensing.decisions»件、行政处罚决定«t2.penalty.decisions»件、"
            "行政强制决定«t2.coercion.decisions»件，本年行政事业性收费«t2.admin_fees.amount_wan_yuan»万元。\n"
            "（二）依申请公开\n"
            "2023年，我局新收政府信息公开申请«t3.new.total»件，其中自然人申请«t3.new.np»件，"
            "法人或其他组织申请«t3.new.biz+t3.new.res+t3.new.soc+t3.new.law+t3.new.oth»件；"
            "上年结转申请«t3.carry_in.total»件。全年办结«t3.processed_total.total»件，"
            "其中予以公开«t3.granted.total»件，占办结总数的«pct1|t3.granted.total|t3.processed_total.total»%，"
            "部分公开«t3.partial.total»件，不予公开«t3.deny_*.total»件，无法提供«t3.na_*.total»件，"
            "不予处理«t3.np_*.total»件，其他处理«t3.other_*.total»件；"
            "结转下年度继续办理«t3.carry_out.total»件。\n"
            "（三）政府信息管理\n"
            "严格执行“先审查、后公开”和“一事一审”制度，全年对拟公开信息进行保密审查，未发生泄密事件。"
            "对2019年以来制发的规范性文件开展清理，及时更新政府信息公开指南和目录。\n"
            "（四）政府信息公开平台建设\n"
            "优化区政府门户网站“市场监管”专栏，开设“食品安全抽检”“双随机一公开”子栏目，"
            "通过“白鹭市监”微信公众号同步推送信息。\n"
            "（五）监督保障\n" + MEASURES
        ),
        "s2": "",
        "s3": "",
        "s4": (
            "2023年，本局因政府信息公开工作被申请行政复议«t4.review.total»件，其中结果维持«t4.review.upheld»件，"
            "结果纠正«t4.review.corrected»件，尚未审结«t4.review.pending»件；"
            "被提起行政诉讼«t4.lit_direct.total+t4.lit_after_review.total»件，"
            "其中尚未审结«t4.lit_direct.pending+t4.lit_after_review.pending»件。"
        ),
        "s5": PROBLEMS_2021,
        "s6": "2023年，我局依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），未收取信息处理费。",
    },
}

QINGHE = {
    "agency": "青禾县人民政府", "year": 2022, "format": "2021",
    "t2": {"normative_docs.issued": 6, "normative_docs.repealed": 2, "normative_docs.valid": 41,
           "licensing.decisions": 5230, "penalty.decisions": 1288, "coercion.decisions": 96,
           "admin_fees.amount_wan_yuan": 356.78},
    "t3": t3_table("2021",
                   new={"np": 112, "biz": 9, "res": 1, "law": 4, "oth": 2}, carry_in={"np": 6, "biz": 1},
                   results={"granted": {"np": 58, "biz": 4, "res": 1, "law": 2}, "partial": {"np": 12, "biz": 2},
                            "deny_secret": {"np": 1}, "deny_law": {"np": 2},
                            "deny_third_party": {"np": 3, "biz": 1}, "deny_internal": {"np": 2},
                            "na_not_held": {"np": 17, "law": 1, "oth": 1}, "na_need_create": {"np": 4},
                            "na_unclear": {"np": 3}, "np_petition": {"np": 5}, "np_duplicate": {"np": 3},
                            "other_no_correction": {"np": 4}, "other_other": {"np": 2, "biz": 1}}),
    "t4": t4_table((3, 1, 1, 0), (2, 0, 0, 1), (0, 0, 0, 0)),
    "sections": {
        "s1": (
            "2022年，青禾县人民政府认真落实国家、省、市关于政务公开工作的部署，以公开促落实、促规范、促服务，"
            "政府信息公开工作取得新进展。\n"
            "（一）主动公开情况。全年在县政府门户网站公开各类政府信息3671条，召开新闻发布会9场。"
            "县政府及部门印发行政规范性文件«t2.normative_docs.issued»件，清理废止规范性文件«t2.normative_docs.repealed»件，"
            "截至年底现行有效规范性文件«t2.normative_docs.valid»件。全县公开行政许可«t2.licensing.decisions»件，"
            "行政处罚«t2.penalty.decisions»件，行政强制«t2.coercion.decisions»件。\n"
            "（二）依申请公开情况。全年共受理政府信息公开申请«t3.new.total+t3.carry_in.total»件（含上年结转«t3.carry_in.total»件），"
            "其中自然人提出申请«t3.new.np+t3.carry_in.np»件。已办结«t3.processed_total.total»件，"
            "其中予以公开«t3.granted.total»件，部分公开«t3.partial.total»件，无法提供«t3.na_*.total»件，"
            "不予公开«t3.deny_*.total»件；另有«t3.carry_out.total»件顺延至下年度办理。\n"
            "（三）政府信息管理情况。建立公开属性源头认定机制，公文拟制时同步明确公开属性；"
            "严格落实保密审查，全年未发生因公开不当引发的舆情。\n"
            "（四）平台建设情况。整合县政府网站政府信息公开专栏，规范设置法定主动公开内容栏目；"
            "在县政务服务中心设置政府信息公开查阅点，方便群众查阅。\n"
            "（五）监督保障情况。将政务公开纳入全县高质量发展综合绩效考核，开展季度检查和年度评估，"
            "对发现的问题及时督促整改。"
        ),
        "s2": "2022年主动公开政府信息情况见下表。",
        "s3": "本年度收到和处理政府信息公开申请情况如下表。",
        "s4": (
            "2022年，县政府因政府信息公开被申请行政复议«t4.review.total»件，其中结果维持«t4.review.upheld»件、"
            "结果纠正«t4.review.corrected»件、其他结果«t4.review.other»件；"
            "被提起行政诉讼«t4.lit_direct.total+t4.lit_after_review.total»件，均为未经复议直接起诉，"
            "其中结果维持«t4.lit_direct.upheld»件。"
        ),
        "s5": PROBLEMS_2021,
        "s6": "本年度，县政府依照国办函〔2020〕109号的规定，未收取政府信息公开信息处理费。无其他需要报告的事项。",
    },
}

DONGLING = {
    "agency": "东陵市自然资源和规划局", "year": 2024, "format": "2021",
    "t2": {"normative_docs.issued": 4, "normative_docs.repealed": 3, "normative_docs.valid": 27,
           "licensing.decisions": 18642, "penalty.decisions": 236, "coercion.decisions": 19,
           "admin_fees.amount_wan_yuan": 5127.4},
    "t3": t3_table("2021",
                   new={"np": 305, "biz": 41, "res": 2, "soc": 3, "law": 17, "oth": 6},
                   carry_in={"np": 18, "biz": 3, "law": 2},
                   results={"granted": {"np": 120, "biz": 15, "res": 1, "soc": 1, "law": 5, "oth": 2},
                            "partial": {"np": 61, "biz": 10, "law": 3, "soc": 1},
                            "deny_law": {"np": 3}, "deny_third_party": {"np": 9, "biz": 2},
                            "deny_process": {"np": 6}, "deny_case_file": {"np": 4}, "deny_query": {"np": 5},
                            "na_not_held": {"np": 55, "biz": 9, "res": 1, "law": 6, "oth": 2},
                            "na_need_create": {"np": 12, "biz": 1}, "na_unclear": {"np": 6},
                            "np_petition": {"np": 8}, "np_duplicate": {"np": 7, "law": 1}, "np_massive": {"np": 3},
                            "other_no_correction": {"np": 9, "biz": 2}, "other_fee_unpaid": {"np": 1},
                            "other_other": {"np": 4, "soc": 1}}),
    "t4": t4_table((6, 2, 3, 2), (4, 1, 0, 3), (2, 0, 1, 1)),
    "sections": {
        "s1": (
            "2024年，东陵市自然资源和规划局坚持以人民为中心的发展思想，聚焦国土空间规划、不动产登记、"
            "耕地保护等重点领域，持续深化政府信息公开。\n"
            "（一）主动公开。全年主动公开政府信息2158条，其中规划批前公示和批后公布信息406条。"
            "本年制发行政规范性文件«t2.normative_docs.issued»件，废止行政规范性文件«t2.normative_docs.repealed»件。"
            "作出行政许可决定«t2.licensing.decisions»件、行政处罚决定«t2.penalty.decisions»件，"
            "行政事业性收费金额为«t2.admin_fees.amount_wan_yuan»万元。\n"
            "（二）依申请公开。全年收到政府信息公开申请«t3.new.total»件，比上年增加37件，上年结转«t3.carry_in.total»件。"
            "从申请人看，自然人申请«t3.new.np»件，占«pct0|t3.new.np|t3.new.total»%，商业企业申请«t3.new.biz»件，"
            "法律服务机构申请«t3.new.law»件。全年答复«t3.processed_total.total»件，其中予以公开和部分公开"
            "«t3.granted.total+t3.partial.total»件，本机关不掌握相关政府信息«t3.na_not_held.total»件，"
            "不予处理«t3.np_*.total»件；结转下一年度办理«t3.carry_out.total»件。\n"
            "（三）政府信息管理。落实政府信息公开源头认定和动态调整机制，对公开属性为“不予公开”的文件逐件复核；"
            "规范不动产登记信息查询服务，严格区分政府信息公开申请与行政查询事项。\n"
            "（四）平台建设。升级“东陵自然资源”政务公开专栏，新增“规划公示”地图查询功能，"
            "实现规划公示信息一图可查。\n"
            "（五）监督保障。开展政务公开业务培训4期，组织专项检查2次，对检查发现的问题建立台账、限期整改。"
        ),
        "s2": "",
        "s3": "",
        "s4": (
            "全年发生政府信息公开行政复议«t4.review.total»件，其中结果维持«t4.review.upheld»件，"
            "结果纠正«t4.review.corrected»件，其他结果«t4.review.other»件，尚未审结«t4.review.pending»件。"
            "政府信息公开行政诉讼«t4.lit_direct.total+t4.lit_after_review.total»件，其中未经复议直接起诉"
            "«t4.lit_direct.total»件，复议后起诉«t4.lit_after_review.total»件。"
        ),
        "s5": PROBLEMS_2021,
        "s6": "2024年，本局收取政府信息公开信息处理费300元。",
    },
}

NANHU = {
    "agency": "南湖市人民政府", "year": 2021, "format": "2021",
    "t2": {"regulations.issued": 3, "regulations.repealed": 1, "regulations.valid": 46,
           "normative_docs.issued": 15, "normative_docs.repealed": 9, "normative_docs.valid": 132,
           "licensing.decisions": 96417, "penalty.decisions": 35802, "coercion.decisions": 2716,
           "admin_fees.amount_wan_yuan": 48306.25},
    "t3": t3_table("2021",
                   new={"np": 1186, "biz": 97, "res": 4, "soc": 6, "law": 58, "oth": 21},
                   carry_in={"np": 45, "biz": 5, "law": 3, "oth": 1},
                   results={"granted": {"np": 402, "biz": 31, "res": 2, "soc": 3, "law": 20, "oth": 6},
                            "partial": {"np": 188, "biz": 19, "law": 9, "oth": 2},
                            "deny_secret": {"np": 3}, "deny_law": {"np": 11, "biz": 1}, "deny_3s1w": {"np": 2},
                            "deny_third_party": {"np": 17, "biz": 4}, "deny_internal": {"np": 9},
                            "deny_process": {"np": 14, "law": 1}, "deny_case_file": {"np": 6},
                            "deny_query": {"np": 38},
                            "na_not_held": {"np": 301, "biz": 24, "res": 1, "soc": 2, "law": 17, "oth": 8},
                            "na_need_create": {"np": 36, "biz": 3}, "na_unclear": {"np": 12, "law": 1},
                            "np_petition": {"np": 41, "biz": 2}, "np_duplicate": {"np": 29},
                            "np_publication": {"np": 4}, "np_massive": {"np": 8}, "np_confirm": {"np": 3},
                            "other_no_correction": {"np": 52, "biz": 5, "law": 2}, "other_fee_unpaid": {"np": 6},
                            "other_other": {"np": 21, "biz": 3, "oth": 1}}),
    "t4": t4_table((21, 6, 9, 5), (11, 2, 3, 6), (5, 1, 2, 3)),
    "sections": {
        "s1": (
            "2021年，南湖市人民政府深入贯彻党中央、国务院关于全面推进政务公开的决策部署，"
            "按照国办公开办函〔2021〕30号要求编制本报告，以高质量公开助推高质量发展。\n"
            "（一）主动公开\n"
            "全市各级行政机关主动公开政府信息12.6万条。市政府制发规章«t2.regulations.issued»件，废止规章«t2.regulations.repealed»件，"
            "现行有效规章«t2.regulations.valid»件；制发行政规范性文件«t2.normative_docs.issued»件，"
            "废止行政规范性文件«t2.normative_docs.repealed»件，现行有效行政规范性文件«t2.normative_docs.valid»件。"
            "全市公开行政许可决定«t2.licensing.decisions»件、行政处罚决定«t2.penalty.decisions»件、"
            "行政强制决定«t2.coercion.decisions»件，行政事业性收费«t2.admin_fees.amount_wan_yuan»万元。\n"
            "（二）依申请公开\n"
            "全年全市新收政府信息公开申请«t3.new.total»件，同比下降6.2%，上年结转«t3.carry_in.total»件。"
            "全年办结«t3.processed_total.total»件，其中予以公开«t3.granted.total»件，部分公开«t3.partial.total»件，"
            "不予公开«t3.deny_*.total»件，无法提供«t3.na_*.total»件，不予处理«t3.np_*.total»件，"
            "其他处理«t3.other_*.total»件。结转下年度继续办理«t3.carry_out.total»件。"
            "其中，法人或其他组织提出申请«t3.new.biz+t3.new.res+t3.new.soc+t3.new.law+t3.new.oth»件，"
            "以涉及土地征收、房屋拆迁和企业登记信息为主。\n"
            "（三）政府信息管理\n"
            "健全政府信息公开保密审查机制，印发《南湖市政府信息公开保密审查办法》；"
            "持续开展行政规范性文件集中清理，并在市政府网站集中公布现行有效文件目录。\n"
            "（四）政府信息公开平台建设\n"
            "市政府门户网站全年访问量超过1600万人次，“南湖发布”政务新媒体矩阵覆盖全部市直部门；"
            "《南湖市人民政府公报》全年编印12期。\n"
            "（五）监督保障\n" + MEASURES
        ),
        "s2": "",
        "s3": "",
        "s4": (
            "全市因政府信息公开引发行政复议«cn|t4.review.total»件，其中结果维持«t4.review.upheld»件，"
            "结果纠正«t4.review.corrected»件，其他结果«t4.review.other»件，尚未审结«t4.review.pending»件；"
            "行政诉讼«t4.lit_direct.total+t4.lit_after_review.total»件，其中直接起诉«t4.lit_direct.total»件，"
            "复议后起诉«t4.lit_after_review.total»件。"
        ),
        "s5": PROBLEMS_2021,
        "s6": "2021年，全市共收取政府信息公开信息处理费1250元。本报告中的数据统计截至2021年12月31日。",
    },
}

LIUXI = {
    "agency": "柳溪县住房和城乡建设局", "year": 2020, "format": "2019",
    "t2": {"normative_docs.made": 2, "normative_docs.published": 2, "normative_docs.total_public": 9,
           "licensing.prev_items": 14, "licensing.delta_items": -1, "licensing.decisions": 386,
           "other_services.prev_items": 5, "other_services.decisions": 41,
           "penalty.prev_items": 22, "penalty.delta_items": 2, "penalty.decisions": 57,
           "coercion.prev_items": 3, "coercion.decisions": 4, "admin_fees.prev_items": 2,
           "gov_procurement.items": 6, "gov_procurement.amount": 213.5},
    "t3": t3_table("2019", new={"np": 23, "biz": 4, "law": 1}, carry_in={"np": 2},
                   results={"granted": {"np": 11, "biz": 2}, "partial": {"np": 3},
                            "deny_third_party": {"np": 1}, "na_not_held": {"np": 5, "biz": 1, "law": 1},
                            "np_duplicate": {"np": 1}, "other": {"np": 2}}),
    "t4": t4_table((1, 0, 0, 1), (0, 0, 1, 0), (0, 0, 0, 0)),
    "sections": {
        "s1": (
            "2020年，柳溪县住房和城乡建设局在县委、县政府的领导下，认真贯彻新修订的《中华人民共和国政府信息公开条例》，"
            "结合住建工作实际，推进决策、执行、管理、服务、结果公开。\n"
            "一是主动公开方面。全年在县政府网站住建专栏公开信息482条，本年新制作规范性文件«t2.normative_docs.made»件，"
            "对外公开规范性文件总数«t2.normative_docs.total_public»件。办理行政许可«t2.licensing.decisions»件，"
            "其他对外管理服务事项«t2.other_services.decisions»件，作出行政处罚决定«t2.penalty.decisions»件，"
            "行政强制«t2.coercion.decisions»件。全年政府集中采购项目«t2.gov_procurement.items»个，"
            "采购总金额«t2.gov_procurement.amount»万元。\n"
            "二是依申请公开方面。全年收到政府信息公开申请«t3.new.total»件，上年结转«t3.carry_in.total»件，"
            "办结«t3.processed_total.total»件，其中予以公开«t3.granted.total»件，部分公开«t3.partial.total»件，"
            "不予公开«t3.deny_*.total»件，无法提供«t3.na_*.total»件，不予处理«t3.np_*.total»件，"
            "其他处理«t3.other.total»件，结转下年度继续办理«t3.carry_out.total»件。\n"
            "三是政府信息管理方面。落实信息发布审核制度，坚持“谁公开、谁审查、谁负责”。\n"
            "四是平台建设方面。在局办公楼一楼设立政府信息公开查阅点，配备查阅终端。\n"
            "五是监督保障方面。" + MEASURES
        ),
        "s2": "",
        "s3": "",
        "s4": (
            "2020年，我局被申请行政复议«t4.review.total»件，其中结果维持«t4.review.upheld»件，尚未审结«t4.review.pending»件；"
            "被直接提起行政诉讼«t4.lit_direct.total»件。"
        ),
        "s5": (
            "存在问题：信息公开的及时性有待提高，部分工程建设项目信息更新滞后。"
            "改进措施：建立工程建设项目信息公开台账，实行专人负责、定期更新，做到应公开尽公开。"
        ),
        "s6": "本年度我局未收取信息处理费，无其他需要报告的事项。",
    },
}

SHIMEN = {
    "agency": "黄柏县石门镇人民政府", "year": 2019, "format": "2019",
    "t2": {"normative_docs.made": 1, "normative_docs.published": 1, "normative_docs.total_public": 4,
           "other_services.prev_items": 8, "other_services.delta_items": 1, "other_services.decisions": 215,
           "penalty.prev_items": 3, "penalty.decisions": 12},
    "t3": t3_table("2019", new={"np": 6, "oth": 1}, carry_in={},
                   results={"granted": {"np": 3}, "partial": {"np": 1},
                            "na_not_held": {"np": 1, "oth": 1}, "np_petition": {"np": 1}}),
    "t4": t4_table((0, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 0)),
    "sections": {
        "s1": (
            "2019年，石门镇认真贯彻落实《中华人民共和国政府信息公开条例》，以群众关心关注的惠民政策、"
            "村务财务为重点，扎实做好政府信息公开工作。\n"
            "（一）主动公开情况。全年通过县政府网站石门镇专栏公开政府信息136条，在各村公开栏张贴公示92期。"
            "本年新制作规范性文件«t2.normative_docs.made»件，新公开规范性文件«t2.normative_docs.published»件，"
            "办理其他对外管理服务事项«t2.other_services.decisions»件，作出行政处罚决定«t2.penalty.decisions»件，"
            "行政许可«t2.licensing.decisions»件。\n"
            "（二）依申请公开情况。全年共收到政府信息公开申请«cn|t3.new.total»件，"
            "其中自然人申请«t3.new.np»件，法人或其他组织申请«t3.new.biz+t3.new.res+t3.new.soc+t3.new.law+t3.new.oth»件；"
            "上年结转«t3.carry_in.total»件。"
            "办理结果为：予以公开«t3.granted.total»件，占收到申请总数的«pct1|t3.granted.total|t3.new.total»%；"
            "部分公开«t3.partial.total»件；无法提供«t3.na_*.total»件；不予处理«t3.np_*.total»件。"
            "以上申请均已按时办结，结转下年度继续办理«t3.carry_out.total»件。\n"
            "（三）政府信息管理情况。明确党政办公室为信息公开工作机构，落实专人负责信息发布前的审核。\n"
            "（四）平台建设情况。规范设置村务公开栏，利用“石门镇”微信群及时推送惠民政策。\n"
            "（五）监督保障情况。将信息公开纳入村级年度考核。"
        ),
        "s2": "",
        "s3": "",
        "s4": "2019年，我镇未发生因政府信息公开引起的行政复议、行政诉讼。",
        "s5": "存在问题：工作人员业务能力有待提高。改进措施：加强学习培训，提高信息公开工作水平。",
        "s6": "本年度未收取信息处理费，无其他需要报告的事项。",
    },
}

SONGGANG = {
    "agency": "松岗经济开发区应急管理局", "year": 2023, "format": "2021",
    "t2": {"licensing.decisions": 14},
    "t3": t3_table("2021", new={}, carry_in={}, results={}),
    "t4": t4_table((0, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 0)),
    "sections": {
        "s1": (
            "2023 年，开发区应急管理局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻《中华人民共和国政府信息公开条例》，"
            "全面增强政府信息公开实效。\n"
            "（一）主动公开\n"
            "坚持“以公开为常态、不公开为例外”，通过开发区门户网站及时公开部门动态、安全生产工作、公示公告等信息，共计公开 18 条。"
            "通过松岗广播电视台等新闻媒体公开 5 条，2023 年共计公开 23 条。全年办理行政许可 «t2.licensing.decisions» 件，"
            "行政处罚 «t2.penalty.decisions» 件。\n"
            "（二）依申请公开\n"
            "2023 年度我局未收到政府信息公开申请，无上年结转申请。\n"
            "（三）政府信息管理\n"
            "规范信息发布程序和渠道，对主动公开信息严格审核、层层把关。\n"
            "（四）政府信息公开平台建设\n"
            "一是持续提升政府网站保障水平；二是利用广播、电视、报刊、网络等平台开展安全生产宣传。\n"
            "（五）监督保障\n"
            "一是加强组织保障，明确局办公室为信息公开机构；二是加强制度建设，修订完善政务公开制度。"
        ),
        "s2": "",
        "s3": "",
        "s4": "2023 年度我局未发生政府信息公开行政复议、行政诉讼。",
        "s5": (
            "存在问题：部分股室认为政务公开只是办公室的事，公开自觉性和主动性不足。"
            "下步措施：统一思想、提高认识，加大督促保障力度，全面提高政务公开工作质量。"
        ),
        "s6": "2023年度我局未收取信息处理费。",
    },
}

SPECS = {
    "r2023_bailu_scjgj": BAILU,
    "r2022_qinghe_xianzf": QINGHE,
    "r2024_dongling_zrzyj": DONGLING,
    "r2021_nanhu_shizf": NANHU,
    "r2020_liuxi_zjj": LIUXI,
    "r2019_shimen_zhen": SHIMEN,
    "r2023_songgang_yjj": SONGGANG,
}
