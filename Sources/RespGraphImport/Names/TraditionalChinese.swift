/// Traditional → simplified characters for reading documents written in traditional characters:
/// every keyword the recognisers look for and the characters of agency names, places and common
/// government vocabulary (about 810 characters). A name keeps the spelling of its document; its
/// simplified form is used for matching.
public enum TraditionalChinese {
    /// Pairs of (traditional, simplified), written as one string of alternating characters.
    static let pairs = """
    單单牽牵頭头負负責责廳厅辦办會会縣县區区務务資资發发財财經经濟济勞劳動动險险衛卫環环農农業业鄉乡運运輸输\
    遊游體体學学術术與与訊讯報报設设築筑電电網网鐵铁銀银監监證证稅税關关糧粮儲储氣气郵邮計计審审統统醫医療疗\
    藥药機机團团組组織织傳传戰战紀纪檢检編编臺台灣湾僑侨聯联婦妇殘残總总鎮镇門门處处隊队時时協协參参領领導导\
    級级員员從从來来對对應应當当種种實实現现進进開开產产場场價价質质標标準准規规劃划為为於于並并這这個个們们\
    將将專专項项廣广東东蘇苏楊杨陝陕遼辽龍龙貴贵雲云寧宁內内滬沪陽阳長长慶庆廈厦嶺岭漢汉鄭郑瀋沈蘭兰烏乌齊齐\
    書书記记華华萬万億亿優优營营節节約约範范圍围護护創创條条變变歸归構构獎奖勵励補补貼贴費费據据數数庫库雜杂\
    線线碼码號号願愿聽听說说話话語语讀读課课師师園园藝艺劇剧館馆歷历圖图際际貿贸試试驗验點点續续維维權权綜综\
    執执調调許许註注冊册戶户災灾棄弃廢废態态綠绿礦矿熱热輕轻紡纺裝装備备製制車车輛辆飛飞橋桥樑梁販贩賣卖買买\
    貨货幣币擔担貸贷債债穩稳賽赛獲获滿满該该問问題题決决議议謀谋佈布職职類类別别屬属轄辖鄰邻國国廠厂聞闻辭辞\
    屆届臨临礎础島岛歐欧亞亚韓韩幹干壓压壞坏塊块壇坛夠够奮奋獨独獄狱隨随陳陈陸陆階阶雙双難难離离靈灵靜静頁页\
    順顺預预頻频顧顾顯显風风飲饮養养馬马駐驻鬥斗魚鱼鳥鸟麥麦齡龄畫画畢毕異异盤盘盡尽礙碍禮礼稱称窮穷競竞筆笔\
    簡简紅红納纳紙纸細细終终結结給给絕绝絲丝綫线緊紧練练縮缩績绩繼继罰罚羅罗聲声膽胆脫脱腦脑臉脸興兴舉举舊旧\
    艙舱藍蓝虛虚蟲虫衝冲複复視视親亲覺觉覽览觀观訂订認认討讨訓训評评詞词誠诚詳详請请諸诸談谈論论講讲謝谢識识\
    讓让豐丰貢贡購购賦赋賬账賴赖趕赶趙赵蹤踪軌轨較较載载輔辅輪轮邊边遠远適适選选遺遗還还釋释針针鋼钢錄录錯错\
    鍵键鎖锁閉闭間间閱阅陣阵陰阴隱隐雖虽韌韧響响頒颁頓顿額额飯饭餘余黨党價价僅仅償偿兒儿兩两劉刘劑剂勢势嚴严\
    寫写尋寻層层巖岩帶带幫帮張张強强彈弹徑径復复徵征憑凭擇择擴扩攝摄擊击斷断晉晋會会極极榮荣樣样樓楼歡欢歲岁\
    減减測测湧涌滅灭漁渔潔洁潛潜澤泽濕湿燈灯牆墙獻献鏈链鐘钟愛爱憲宪懷怀憂忧戲戏揮挥換换損损搶抢攜携敵敌暫暂\
    暢畅殺杀毀毁滯滞確确禍祸穀谷籌筹簽签糾纠純纯紛纷緣缘緩缓縱纵繫系聖圣腳脚艱艰莊庄葉叶蔣蒋薦荐蘭兰虧亏眾众\
    衆众見见訴诉診诊詢询誤误誌志謹谨譯译讚赞貧贫貫贯賀贺賃赁賠赔贊赞贏赢趨趋跡迹踐践軍军軟软轉转達达遷迁過过\
    違违遞递遙遥遲迟鈞钧銷销鋪铺鍛锻鑒鉴鑑鉴閒闲閣阁闊阔隸隶雞鸡頂顶須须飾饰驅驱鬆松髮发魯鲁鮮鲜鹽盐麼么黃黄\
    齒齿瑪玛貝贝寶宝筆笔鏡镜顏颜額额觸触麗丽倉仓獸兽禦御衆众傑杰剛刚勝胜協协廟庙廠厂廬庐異异禪禅嶼屿嶽岳鞏巩\
    漲涨濱滨瀏浏瀘泸灤滦鄒邹鄧邓閩闽贛赣黔黔湘湘鄂鄂豫豫晉晋冀冀蒼苍臺台彎弯鹹咸錦锦銅铜鋁铝鎳镍錫锡鈣钙鑽钻\
    鏟铲鑄铸蘊蕴藏藏園园檔档檢检樞枢樸朴櫃柜欄栏殯殡毆殴氫氢汙污湯汤溝沟滬沪瀾澜燒烧爐炉犧牺猶犹獵猎玀猡璽玺\
    甌瓯畝亩疊叠療疗癒愈皚皑盜盗睜睁礎础祿禄稅税穌稣窯窑竅窍筧笕範范糧粮緒绪縫缝縣县繡绣纖纤罷罢羨羡聳耸膚肤\
    臟脏艦舰蓋盖蘆芦螢萤衛卫襲袭覇霸訪访詐诈詩诗誕诞謊谎譽誉貓猫賓宾質质贈赠趙赵軸轴辦办邁迈鄉乡醬酱釀酿鈴铃\
    銳锐錢钱鍋锅閃闪闡阐陰阴隻只雋隽雖虽霧雾韋韦頗颇頸颈顆颗颱台颳刮饑饥館馆騎骑騰腾驚惊骯肮髒脏鬧闹鳳凤鴻鸿\
    鵬鹏鶴鹤麵面黴霉齋斋龜龟辮辫鹵卤慮虑慣惯鄉乡劃划準准幾几後后裡里臺台於于\
    爲为堅坚圓圆繞绕壯壮鋰锂鈉钠積积襯衬爭争躍跃擬拟掛挂帥帅託托撐撑紐纽滲渗絡络羣群夥伙稟禀併并煙烟寬宽況况係系碩硕\
    攬揽輻辐橫横樹树徹彻繳缴則则嚮向諮咨饋馈無无濰潍銜衔篩筛採采矯矫連连匯汇誘诱啓启覈核習习義义崗岗儘尽凍冻揀拣闢辟\
    懲惩廚厨廁厕傾倾綱纲偉伟幟帜側侧錘锤揚扬擁拥籃篮潤润儉俭紮扎佔占輟辍迴回撥拨爾尔峯峰壘垒疇畴牀床嬰婴穎颖狀状週周\
    擠挤喫吃餉饷鉤钩淨净鹼碱儀仪諧谐輿舆譜谱峽峡諾诺誰谁邏逻擺摆鋒锋敗败滾滚輩辈掃扫籤签輯辑悅悦彙汇兌兑擾扰竈灶脅胁\
    燬毁娛娱樂乐驛驿嘗尝賑赈妝妆滙汇闖闯釘钉祕秘傢家驟骤啞哑蕪芜澱淀孿孪檸柠煉炼麪面暉晖韜韬劍剑盧卢賈贾粵粤訟讼偵侦\
    沒没厲厉紓纾壟垄濫滥鑰钥窪洼繪绘棟栋欽钦駁驳楓枫勸劝誡诫曉晓檻槛濃浓紋纹
    """

    /// Traditional scalar → simplified scalar.
    static let table: [Unicode.Scalar: Unicode.Scalar] = {
        var t: [Unicode.Scalar: Unicode.Scalar] = [:]
        let scalars = Array(pairs.unicodeScalars.filter { !$0.properties.isWhitespace })
        var i = 0
        while i + 1 < scalars.count {
            if scalars[i] != scalars[i + 1] { t[scalars[i]] = scalars[i + 1] }
            i += 2
        }
        return t
    }()

    /// Whether a text holds any traditional character of the table.
    public static func hasTraditional(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value >= 0x4E00 && table[$0] != nil }
    }

    /// The text with traditional characters of the table replaced by simplified ones.
    ///
    /// - Complexity: O(n) in the scalars of the text; returns the text itself when nothing changes.
    public static func simplified(_ text: String) -> String {
        guard hasTraditional(text) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(table[s] ?? s) }
        return String(out)
    }

    /// A document read in simplified form, turned back into the document's own characters: every
    /// recogniser sees simplified text (so 牽頭單位, 責任單位 and 附件 read as they do elsewhere), and
    /// what a task says is then spelled as the document spells it.
    public struct SpellingRestorer: Sendable {
        /// The document's characters without whitespace, in reading order.
        let source: [Unicode.Scalar]
        /// For each simplified character, where it (or its traditional form) stands in `source`.
        let positions: [Unicode.Scalar: [Int]]

        /// A restorer for a document made of these texts; nil when none holds a traditional character.
        ///
        /// - Complexity: O(n) in the characters of the texts.
        public init?(texts: [String]) {
            guard texts.contains(where: TraditionalChinese.hasTraditional) else { return nil }
            var source: [Unicode.Scalar] = []
            var positions: [Unicode.Scalar: [Int]] = [:]
            for text in texts {
                for s in text.unicodeScalars where !s.properties.isWhitespace {
                    positions[table[s] ?? s, default: []].append(source.count)
                    source.append(s)
                }
                source.append("\n")
            }
            self.source = source
            self.positions = positions
        }

        /// A text read from the simplified copy, in the document's characters: the first place where
        /// the document holds it (whitespace aside) gives the characters; whitespace of the text is kept.
        /// A text the document does not hold as one run (joined from two places) is returned unchanged.
        ///
        /// - Complexity: O(c · m) for c places of the text's first character and a text of m characters.
        public func restore(_ text: String) -> String {
            let wanted = text.unicodeScalars.filter { !$0.properties.isWhitespace }
            guard let first = wanted.first, wanted.contains(where: { $0.value >= 0x4E00 }) else { return text }
            search: for p in positions[first] ?? [] where p + wanted.count <= source.count {
                var k = 0
                for w in wanted {
                    let s = source[p + k]
                    if (table[s] ?? s) != w { continue search }
                    k += 1
                }
                var out = String.UnicodeScalarView()
                var i = p
                for s in text.unicodeScalars {
                    if s.properties.isWhitespace { out.append(s) } else { out.append(source[i]); i += 1 }
                }
                return String(out)
            }
            return text
        }

        /// A document read from the simplified copy, spelled back: its title and rows, and a note
        /// (at `place`, where the first traditional character stands) that says so.
        public func restore(_ document: inout ImportedDocument, noteAt place: BlockPlace) {
            document.rows = document.rows.map(restore)
            document.document.title = restore(document.document.title)
            var note = ImportDiagnostic(.note, file: document.file, line: place.line, code: .traditionalCharacters,
                "the document is written in traditional characters; it is read in simplified form (牽頭單位 ↔ 牵头单位) and its texts keep their "
                    + "spelling; a name the registry knows takes its registered name, others keep the document's spelling")
            if !place.description.isEmpty { note.place = place.description }
            document.diagnostics.append(note)
        }

        /// A row read from the simplified copy, with its texts in the document's characters and the
        /// spellings of its agency names (which stay simplified in the cells, for matching).
        public func restore(_ row: TaskRow) -> TaskRow {
            var r = row
            r.label = restore(row.label)
            r.indicator = restore(row.indicator)
            r.direction = restore(row.direction)
            r.text = restore(row.text)
            r.deadline = row.deadline.map(restore)
            for name in AgencyNameShape.items(of: row.leadCell) + AgencyNameShape.items(of: row.supportCell) {
                let spelled = restore(name)
                if spelled != name { r.spellings[name] = spelled }
            }
            return r
        }
    }
}
