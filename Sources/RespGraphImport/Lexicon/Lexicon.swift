import RespGraphModel

/// The words respgraph reads documents by, in one place: role words and labels (as clause labels
/// and as table headers alike), role verbs, person, deadline and scope labels, the sentences that
/// state a convention, the shapes of agency names and collectives, and the words that mark a sentence.
///
/// Words are written in simplified characters; a document in traditional characters is folded to
/// simplified before it is read (``TraditionalChinese``), so 牽頭單位 finds 牵头单位 here. Adding a word
/// is one line: a role label added to ``roleLabels`` is read in a clause (`承办单位：…`) and as a table
/// header (`| 承办单位 |`) alike.
public enum Lexicon {
    /// What a label or a role word introduces.
    public enum Role: Sendable, Equatable {
        /// The lead agencies (牵头).
        case lead
        /// The supporting agencies (配合).
        case support
        /// Responsible units (责任单位): supporters beside a lead, else the leads.
        case responsible
        /// Persons (责任领导): never agencies.
        case person
        /// A deadline (完成时限).
        case deadline
        /// A scope (适用范围): not an agency.
        case scope
    }

    /// Labels of roles, as a clause writes them before a colon and a table as a column header.
    public static let roleLabels: [(word: String, role: Role)] = [
        ("牵头单位", .lead), ("牵头部门", .lead), ("牵头责任单位", .lead), ("牵头责任部门", .lead), ("牵头考核单位", .lead),
        ("牵头处室", .lead), ("牵头机构", .lead), ("牵头科室", .lead), ("主办处室", .lead), ("主办单位", .lead),
        ("主要责任单位", .lead), ("主要责任部门", .lead), ("主责单位", .lead), ("主责部门", .lead), ("牵头", .lead),
        ("配合单位", .support), ("配合部门", .support), ("配合责任单位", .support), ("配合责任部门", .support), ("配合处室", .support),
        ("配合科室", .support), ("协办单位", .support), ("协办部门", .support), ("协办处室", .support), ("协同单位", .support),
        ("协同部门", .support), ("协同责任单位", .support), ("协作单位", .support), ("协助单位", .support), ("支持单位", .support),
        ("参与单位", .support), ("参与部门", .support), ("参加单位", .support), ("配合", .support), ("参与", .support), ("协办", .support),
        ("责任单位", .responsible), ("责任部门", .responsible), ("责任处室", .responsible), ("责任科室", .responsible),
        ("负责单位", .responsible), ("负责部门", .responsible), ("实施单位", .responsible), ("落实单位", .responsible),
        ("责任主体", .responsible), ("责任主体单位", .responsible), ("承办单位", .responsible), ("承办部门", .responsible),
        ("指导部门", .responsible), ("指导单位", .responsible), ("牵头指导部门", .responsible), ("主管部门", .responsible), ("主管单位", .responsible),
        ("责任领导", .person), ("分管领导", .person), ("牵头领导", .person), ("联系领导", .person), ("包保领导", .person),
        ("县领导", .person), ("市领导", .person), ("区领导", .person), ("省领导", .person), ("责任人", .person), ("负责人", .person),
        ("完成时限", .deadline), ("完成时间", .deadline), ("完成期限", .deadline), ("时间节点", .deadline), ("时限要求", .deadline),
        ("进度安排", .deadline), ("时间安排", .deadline), ("时限", .deadline),
        ("适用范围", .scope), ("实施范围", .scope),
    ]

    /// Role verbs that end a prose clause's segment (A牵头，B配合，C按职责分工负责).
    public static let roleVerbs: [(word: String, role: Role)] = [
        ("为牵头单位", .lead), ("为牵头部门", .lead), ("为配合单位", .support), ("为配合部门", .support), ("为责任单位", .responsible),
        ("牵头负责", .lead), ("牵头落实", .lead), ("牵头组织", .lead), ("牵头", .lead),
        ("配合落实", .support), ("配合", .support), ("协助", .support), ("参与", .support), ("协办", .support),
        ("按照职责分工负责", .responsible), ("按职责分工负责", .responsible), ("按职能分工负责", .responsible),
        ("分工落实", .responsible), ("分工推进", .responsible), ("分工实施", .responsible), ("负责推进", .responsible),
        ("按职责负责", .responsible), ("分工负责", .responsible), ("共同负责", .responsible), ("具体负责", .responsible),
        ("负责落实", .responsible), ("组织实施", .responsible), ("负责", .responsible), ("落实", .responsible),
    ]

    /// Words between the names and the role verb that only say how (A、B按职责分工落实), longest first.
    public static let roleQualifiers = ["按照职责分工", "按照职能分工", "按职责分工", "按职能分工", "根据职责分工", "按照职责", "按职责", "按职能",
                                        "根据职责", "分工", "分头", "分别", "共同", "各自", "切实", "具体", "协同"]

    /// Words that make a table cell a clause of its own (A牵头，B配合; 牵头单位：A) rather than a list of names.
    public static let clauseInCellWords = ["牵头", "配合", "负责", "协办", "参与", "：", ":"]

    /// Role markers written after a name inside a list (区市场监管局（牵头）、区司法局).
    public static let leadMarkers = ["（牵头）", "（牵头单位）", "（牵头部门）", "（主责）"]
    /// Support markers written after a name inside a list.
    public static let supportMarkers = ["（配合）", "（配合单位）", "（协办）"]

    /// The places of a sentence that says the first listed agency leads (列第一位者为牵头单位,
    /// 排在首位的为牵头单位); such a sentence also holds 牵头.
    public static let firstListedLeadsMarkers = ["列第一位", "列在第一位", "排在首位", "排在第一位", "排名第一", "排序第一", "排第一位", "列首位",
                                                 "第一位的为", "首位的为", "首位为", "第一个为", "排在前面的为"]
    /// The words of a sentence that says the responsible units lead where no lead is named
    /// (无牵头单位的，责任单位即为牵头单位): one of the first, and the second.
    public static let responsibleAreLeadsMarkers = (absent: ["无牵头", "未明确牵头", "没有牵头"], then: "即为牵头")

    /// Endings of agency names (…厅, …局, …人民政府, …公司).
    public static let agencyEndings = ["部", "委", "局", "厅", "办", "署", "行", "会", "院", "府", "中心", "公司", "集团", "室", "处", "社",
                                       "队", "联", "协", "所", "馆", "台", "站", "关", "军区", "部门", "单位", "机构", "学校", "大学", "学院", "医院",
                                       "团中央", "中央", "小组", "组", "总社", "电网", "局（办）", "办）", "委）", "局）", "厅）", "科", "中心）"]
    /// Beginnings of collectives (各市、县人民政府, 有关部门, 相关地区).
    public static let collectiveBeginnings = ["各", "有关", "相关", "其他", "其它"]
    /// Collectives 等 may close a list with (等国务院相关部门, 等有关单位).
    public static let collectiveTails = ["部门", "单位", "地区", "机构", "方面"]
    /// Conjunctions that join two names in a list (A及B, A和B).
    public static let conjunctions = ["以及", "及", "和", "与"]

    /// Words that mark a part of a list as a sentence rather than a name, wherever they stand.
    public static let clauseWords = ["涉及", "不再", "以下", "下同", "均需", "单独列出", "具体任务", "做分工"]
    /// Words of a sentence that names may also hold (贯彻落实…领导小组办公室): a sentence only when the
    /// part is not shaped like a name.
    public static let clauseWordsInNames = ["负责", "落实", "牵头", "配合", "分工"]

    /// The provincial-level divisions, as names begin with them.
    public static let provinces = ["北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建",
                                   "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏",
                                   "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾", "香港", "澳门"]
    /// How a province's name goes on after its short form (广西 → 广西壮族自治区, 山东 → 山东省), longest first.
    public static let provinceSuffixes = ["壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市"]
    /// Place markers that end a jurisdiction (省, 市, 县, 区…).
    public static let placeMarkers: Set<Character> = ["省", "市", "县", "区", "州", "盟", "旗"]
    /// Words that hold a place marker without naming a place (市场监管局, 城市管理局, 社区).
    public static let markerWords = ["市场", "城市", "都市", "超市", "社区", "园区", "景区", "地区", "区域", "城区", "片区", "州区"]
    /// Zones whose names are generic (经济开发区): an item with one takes a list's prefix.
    public static let genericZones = ["开发区", "高新区", "工业园区", "保税区", "试验区", "自贸区", "示范区", "产业园区", "综合保税区"]
    /// Prefixes an `、`-list can share, longest first.
    public static let sharedPrefixes = ["自治区党委", "自治区"]
    /// Beginnings that mark an item as a name of its own, never taking a shared prefix.
    public static let standalonePrefixes = ["自治区", "广西", "中国", "国家", "各", "相关", "区直", "口岸", "人民银行", "南宁"]

    /// Beginnings of an agency's name that mark where one begins when a table's cells ran together
    /// (自治区…, 省…, 广西…, 中国…, 各…); a place (南宁市…) marks one more weakly.
    public static let nameBeginnings = ["自治区", "中国", "国家", "中央", "全国", "共青团", "团", "省", "市", "县", "区", "州", "盟", "旗"]
        + provinces + collectiveBeginnings + ["中铁", "国网", "中石油", "中石化", "招商局"]

    /// Endings of a branch's name that follow a place (中国人民银行广西壮族自治区分行, 国家金融监督管理总局
    /// 广西监管局, 中国人民银行南宁中心支行): with the body before it, one name.
    public static let branchEndings = ["中心支行", "分行", "支行", "监管分局", "监管局", "分局", "分公司", "分中心", "分院", "分署"]

    /// Beginnings of names that are bodies of their own wherever they stand (中铁济南局, 国网山东电力): never
    /// under a list's shared prefix. A province's short name (``provinces``) works so too.
    public static let ownNamePrefixes = ["中铁", "中国", "国网", "中石油", "中石化", "招商局"]
    /// Words a name of its own holds anywhere (济南海关).
    public static let ownNameWords = ["海关"]
    /// Beginnings that give a name its level already (省…, 市…, 中央…, 团省委…, 有关…): never under a
    /// list's shared prefix, unless the beginning is a word that only holds a marker (市场…).
    public static let levelPrefixes = ["有关", "其他", "省", "市", "县", "区", "州", "盟", "旗", "中央", "全国", "共青团", "团省委", "团市委",
                                       "团县委", "人行"]
    /// Endings of a government's name that a list may share (北海、钦州、防城港市人民政府), longest first.
    public static let governmentCores = ["人民政府", "政府"]
    /// Endings of a department's name that never take a Party committee's prefix (省委… is for …部/办/委).
    public static let departmentEndings = ["厅", "局"]
    /// The levels of one place that a list may name together as one collective (各区、市政府, 各县（市、区）).
    public static let placeLevels: Set<Unicode.Scalar> = ["省", "市", "县", "区", "州", "盟", "旗", "乡", "镇"]
    /// Words before a level that keep it a level alone (各区, 有关区, 相关市): 各区、市政府 is one collective.
    public static let levelQualifiers = ["", "各", "有关", "相关", "其他"]

    /// Beginnings of a bracket that is an aside naming a body, not an assignment (（以下简称省大数据局）,
    /// （含市直单位）). Not 含, 如, 即 or 原 alone: 含山县, 如皋市, 即墨区, 原平市 are places.
    public static let asideBeginnings = ["以下简称", "下称", "简称", "包括", "不含", "例如", "现为", "含各", "含全", "含市", "含县", "含区", "原省",
                                         "原市", "原县", "原区", "原国家", "原自治区"]

    /// How a list of agencies may end after its names (…等有关部门), longest first: dropped with a note.
    public static let etceteraTails = ["等有关部门和单位", "等有关单位和部门", "等相关部门和单位", "等有关部门", "等相关部门", "等有关单位", "等相关单位",
                                       "等部门", "等单位", "等"]
    /// Words that join two groups of a list (A等和各省级人民政府, A以及B): read as a comma (before 各, as ，各).
    public static let listJoiners = ["等和", "以及", "和各", "及各", "与各"]

    /// Deadlines that are no date (长期坚持, 持续推进, 常态化…): a phrase beginning so states a time.
    public static let standingDeadlines = ["长期坚持", "持续推进", "持续实施", "持续开展", "长期", "持续", "按年度推进", "逐年推进", "常态化", "按进度",
                                           "按计划", "按时序", "适时", "分步实施", "分阶段"]
    /// The words of a dated deadline (2024年12月底前, 每季度, 上半年): a phrase with a number and one of them states a time.
    public static let timeWords = ["年", "月", "日", "季度", "底", "前", "上半年", "下半年", "年内", "年底"]

    /// Beginnings of a deadline without a number (年底前, 年内, 每季度): with a time word, a phrase states a time.
    public static let undatedDeadlineBeginnings = ["年底", "年内", "每"]
    /// Words of a deadline without a number wherever they stand (力争上半年完成).
    public static let undatedDeadlineWords = ["上半年", "下半年"]

    /// Words after 第 and a number that make a heading an article (第三条) or a chapter or section (第二章, 第一节, 第三部分).
    public static let articleWords = ["条", "條"]
    /// Words after 第 and a number that make a heading a chapter or section.
    public static let chapterWords = ["章", "节", "節", "部分"]
    /// Beginnings of the line that opens an attachment (附件1, 附表：).
    public static let attachmentMarks = ["附件", "附表"]

    /// Words shortened in agency names, longest first: the full form and its usual abbreviation
    /// (发展和改革委员会 → 发改委), so a draft registry sees two spellings of one body as one.
    public static let abbreviations: [(full: String, short: String)] = [
        ("发展和改革委员会", "发改委"), ("发展改革委员会", "发改委"), ("发展改革委", "发改委"), ("发展和改革局", "发改局"), ("发展改革局", "发改局"),
        ("人力资源和社会保障", "人社"), ("人力资源社会保障", "人社"), ("住房和城乡建设", "住建"), ("住房城乡建设", "住建"),
        ("市场监督管理", "市场监管"), ("卫生健康委员会", "卫健委"), ("卫生健康委", "卫健委"), ("卫生和健康", "卫健"),
        ("工业和信息化", "工信"), ("经济和信息化", "经信"), ("文化和旅游", "文旅"), ("文化广电和旅游", "文广旅"),
        ("交通运输", "交通"), ("自然资源和规划", "自然资源规划"), ("农业农村", "农业农村"), ("退役军人事务", "退役军人"),
        ("生态环境", "生态环境"), ("应急管理", "应急"), ("行政审批服务", "审批服务"), ("政务服务和大数据管理", "数据"),
        ("大数据管理", "大数据"), ("大数据发展", "大数据"), ("委员会", "委"), ("办公室", "办"), ("管理局", "局"),
    ]

    /// The characters of a number written in Chinese (一、, （三）, 第十二条), simplified and traditional.
    public static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇", "两", "兩"]

    /// Table-header words of the number column (序号).
    public static let numberHeaders = [
        "序号", "编号"
    ]
    /// Table-header words of the indicator column (指标): the area a task belongs to.
    public static let indicatorHeaders = [
        "指标", "指标名称", "一级指标", "类别", "任务类别", "领域", "重点领域", "板块", "项目类别"
    ]
    /// Table-header words of the direction column (改革方向): the goal a task serves.
    public static let directionHeaders = [
        "改革方向", "目标", "工作目标", "二级指标"
    ]
    /// Table-header words of the task column (具体任务): what is to be done.
    public static let taskHeaders = [
        "具体任务", "任务举措", "任务", "工作任务", "主要任务", "任务内容", "工作措施", "落实措施", "重点任务", "目标任务", "工作内容", "主要内容", "任务名称", "重点工作", "具体措施",
        "改革举措", "工作事项", "事项", "具体工作", "工作要点", "主要措施", "政策措施", "任务分工", "项目名称", "项目", "工作项目", "重点项目", "项目内容", "事项名称", "考核内容",
        "具体内容", "内容", "实事项目", "民生实事", "改革事项", "改革任务", "任务事项", "工作举措"
    ]

    /// A rule telling an unregistered agency's kind from its name: the name begins with, holds or
    /// ends with one of the words given, and, where `alsoEnds` is given, ends with one of those too.
    public struct KindRule: Sendable {
        /// The kind the rule gives.
        public let kind: AgencyKind
        /// Words the name may begin with, hold anywhere, or end with (one is enough).
        public let begins: [String], holds: [String], ends: [String]
        /// Words one of which the name must also end with (nil: no such condition).
        public let alsoEnds: [String]?
        /// The rule as a finding states it.
        public let reason: String

        init(_ kind: AgencyKind, begins: [String] = [], holds: [String] = [], ends: [String] = [], alsoEnds: [String]? = nil,
             _ reason: String) {
            (self.kind, self.begins, self.holds, self.ends, self.alsoEnds, self.reason) = (kind, begins, holds, ends, alsoEnds, reason)
        }
    }

    /// The kind rules, tried in order (``AgencyKindInference``); names are compared in simplified characters.
    public static let kindRules: [KindRule] = [
        KindRule(.collective, begins: ["各", "有关", "相关", "其他", "其它", "区直", "省直", "市直", "县直", "旗直"],
                 ends: ["有关部门", "相关部门", "成员单位", "有关单位", "相关单位", "各部门"], "a collective: 各…, 有关…, …成员单位"),
        KindRule(.association, begins: ["共青团"],
                 ends: ["工会", "妇联", "科协", "残联", "侨联", "文联", "工商联", "红十字会", "贸促会", "作协", "社科联", "总工会", "妇女联合会",
                        "供销合作社", "供销合作总社", "供销社"], "a people's organisation: 共青团, 工会, 妇联, 科协, 工商联…"),
        KindRule(.association, begins: ["团"], alsoEnds: ["委"], "a people's organisation: 共青团, 工会, 妇联, 科协, 工商联…"),
        KindRule(.judicial, holds: ["法院", "检察院"], "a court or procuratorate: 法院, 检察院"),
        KindRule(.partyOrgan, holds: ["党委", "省委", "市委", "县委", "区委", "州委", "旗委", "盟委", "纪委", "中共", "中央"],
                 alsoEnds: ["部", "办", "委", "室", "工委", "办公室"], "a Party organ: …党委/省委/市委/县委…部、办、委"),
        KindRule(.enterprise, holds: ["公司", "集团", "有限", "电网"], "an enterprise: 公司, 集团"),
        KindRule(.centralBody, holds: ["海关", "税务", "人民银行", "金融监管", "证监", "银保监", "海事局", "消防救援", "通信管理局", "邮政管理局",
                                       "气象局", "调查总队", "外汇管理", "铁路局", "民航", "烟草", "国家金融", "人行", "支行", "分行"],
                 "a central body in the province: 海关, 税务, 人民银行, 金融监管…"),
        KindRule(.municipalGovernment, ends: ["人民政府", "政府", "管委会", "管理委员会", "行政公署"], "a government: …人民政府, …管委会"),
        KindRule(.regionalDepartment, ends: ["厅", "局", "委", "办", "办公室", "中心", "委员会", "署", "部", "院", "队", "处", "室", "小组", "工作组",
                                             "大学", "学院", "学校", "医院"], "a government department: …厅, …局, …委, …办"),
    ]

    /// How a plan's title ends (…实施方案, …工作要点, …任务分工表): a title line is told by them.
    public static let titleEndings = ["方案", "要点", "计划", "意见", "通知", "清单", "办法", "规划", "措施", "决定", "细则", "任务", "分工", "纲要", "规定",
                                      "若干政策", "分解表", "分工表", "责任表", "推进表", "任务表", "清单表", "台账", "一览表", "安排"]

    /// How the lines after a document's body begin or end (抄送：…, …办公室 2024年3月1日印发): the body is over.
    public static let closingLines = (begins: ["抄送"], ends: ["印发"])

    /// Writers (a PDF's Creator) that print a merged cell's text once over the whole merge.
    public static let spreadsheetWriters = ["Calc", "Excel", "WPS 表格", "WPS Spreadsheets", "Numbers"]

    /// The words of a role among ``roleLabels``.
    static func labels(of role: Role) -> [String] { roleLabels.filter { $0.role == role }.map(\.word) }
}
