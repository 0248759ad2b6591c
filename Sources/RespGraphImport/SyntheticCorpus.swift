import RespGraphModel

/// A synthetic national corpus in the task-table format respgraph reads: many provinces and years,
/// K times the size of the two Guangxi documents, with heavy-tailed agency popularity like theirs.
///
/// - Shape: 2K documents (a province-year each, provinces cycling through 31, years from 2020) of
///   about 200 tasks; about 43·K agencies spread over the provinces (1× ≈ 110 agencies and 400
///   tasks like the real pair; 100× ≈ 4,300 agencies and 40,000 tasks; 1000× ≈ 43,000 and 400,000).
///   Each province has departments, central bodies, enterprises, city governments and a collective
///   各市、县人民政府; a tenth of the agencies are national bodies shared by all provinces, so the
///   network is connected. Leads are drawn from a Zipf-like distribution (weight 1/r^1.1 by rank r), so a
///   few agencies lead 20–30% of a province's tasks; 1–3 leads and 0–6 supporters per task (mean
///   about 1.7, as in the real data); the collective supports about a fifth of the tasks.
/// - Determinism: a SplitMix64 generator seeded by `seed`; the same scale and seed give the same
///   bytes on every machine.
public struct SyntheticCorpus: Sendable {
    /// The size factor K.
    public let scale: Double
    /// The seed.
    public let seed: UInt64

    /// Creates a generator.
    public init(scale: Double, seed: UInt64) {
        self.scale = scale
        self.seed = seed
    }

    /// The number of documents.
    public var documentCount: Int { max(1, Int((2 * scale).rounded())) }
    /// The number of provinces.
    public var provinceCount: Int { min(31, documentCount) }
    /// The number of agencies aimed at: about 110 at 1× (like the real pair), 4,300 at 100×,
    /// 43,000 at 1000× (110·K^0.796 up to 100×, then 43·K).
    public var agencyTarget: Double { scale <= 100 ? 110 * pow(scale, 0.796) : 43 * scale }
    /// Agencies per province (before the collective).
    public var agenciesPerProvince: Int { max(12, Int((0.9 * agencyTarget / Double(provinceCount)).rounded())) }
    /// National bodies shared by every province (a tenth of the agencies): they tie the provinces
    /// into one network, as ministries and their regional offices do.
    public var nationalCount: Int { max(2, Int((0.1 * agencyTarget).rounded())) }

    /// National body `i`.
    func national(_ i: Int) -> String { "国家部委\(i)局" }

    static let indicators = ["企业开办", "人力资源", "办理建筑许可", "政府采购", "招标投标", "获得电力", "登记财产", "获得信贷",
                             "保护中小投资者", "知识产权", "跨境贸易", "纳税", "执行合同", "办理破产", "市场监管", "政务服务",
                             "对外开放", "创新创业", "包容普惠创新", "保障措施"]

    /// The province's name: 省01 … 省31.
    static func province(_ p: Int) -> String { "省" + (p + 1 < 10 ? "0" : "") + String(p + 1) }

    /// Agency `i` of province `p` and its kind: the first ~70% departments, then central bodies,
    /// enterprises and cities.
    func agency(_ p: Int, _ i: Int) -> (String, AgencyKind) {
        let n = agenciesPerProvince
        let prefix = Self.province(p)
        let number = String(i)
        switch Double(i) / Double(n) {
        case ..<0.7: return ("\(prefix)部门\(number)厅", .regionalDepartment)
        case ..<0.8: return ("\(prefix)中央驻地单位\(number)局", .centralBody)
        case ..<0.9: return ("\(prefix)企业\(number)集团", .enterprise)
        default: return ("\(prefix)城市\(number)人民政府", .municipalGovernment)
        }
    }

    /// The registry of every generated agency, with the collectives.
    public func registry() -> AgencyRegistry {
        var agencies: [Agency] = []
        for p in 0..<provinceCount {
            for i in 0..<agenciesPerProvince {
                let (name, kind) = agency(p, i)
                agencies.append(Agency(name: name, kind: kind))
            }
            agencies.append(Agency(name: "\(Self.province(p))各市、县人民政府", kind: .collective))
        }
        for i in 0..<nationalCount { agencies.append(Agency(name: national(i), kind: .centralBody)) }
        return (try? AgencyRegistry(agencies: agencies)) ?? (try! AgencyRegistry(agencies: []))
    }

    /// The corpus as a task-table CSV (the curated format: canonical names separated by `，`).
    public func csv() -> String {
        var out = ""
        out.reserveCapacity(Int(scale * 400 * 180))
        out += TaskTableCSV.header.joined(separator: ",") + "\n"
        var rng = SplitMix64(seed: seed)
        let draws = (province: ZipfDraw(count: agenciesPerProvince, exponent: 1.1), national: ZipfDraw(count: nationalCount, exponent: 1))
        // Each province ranks its agencies differently.
        var rankToAgency: [[Int]] = []
        for _ in 0..<provinceCount {
            var perm = Array(0..<agenciesPerProvince)
            for i in stride(from: agenciesPerProvince - 1, to: 0, by: -1) { perm.swapAt(i, rng.below(i + 1)) }
            rankToAgency.append(perm)
        }
        let tasksPerDocument = Int((400 * scale / Double(documentCount)).rounded())
        for d in 0..<documentCount {
            let p = d % provinceCount
            let year = 2020 + d / provinceCount
            let id = "\(Self.province(p))-\(year)"
            let title = "\(year)年\(Self.province(p))优化营商环境行动方案"
            var indicator = 0
            for t in 1...max(1, tasksPerDocument) {
                if rng.below(10) == 0 { indicator = (indicator + 1) % Self.indicators.count }
                let (leads, supporters) = assignment(p, ranks: rankToAgency[p], draws: draws, rng: &rng)
                let row = [id, title, "table", String(t), String(t), Self.indicators[indicator], "方向\(indicator)",
                           "第\(t)项任务", "\(year)年12月31日", leads.joined(separator: "，"), supporters.joined(separator: "，"), String(t + 1)]
                out += CSV.format([row])
            }
        }
        return out
    }

    /// One task's leads (one to three) and supporters (up to six of the province's, up to three
    /// national bodies, now and then the collective), drawn by rank.
    private func assignment(_ p: Int, ranks: [Int], draws: (province: ZipfDraw, national: ZipfDraw),
                            rng: inout SplitMix64) -> (leads: [String], supporters: [String]) {
        let leadCount = rng.unit() < 0.7 ? 1 : (rng.unit() < 0.67 ? 2 : 3)
        var leads: [Int] = []
        while leads.count < leadCount {
            let a = ranks[draws.province.pick(&rng)]
            if !leads.contains(a) { leads.append(a) }
        }
        var supportCount = 0
        while supportCount < 6 && rng.unit() < 0.63 { supportCount += 1 }
        var supporters: [Int] = []
        var guardCount = 0
        while supporters.count < supportCount && guardCount < 50 {
            guardCount += 1
            let a = ranks[draws.province.pick(&rng)]
            if !leads.contains(a) && !supporters.contains(a) { supporters.append(a) }
        }
        var supportNames = supporters.map { agency(p, $0).0 }
        var nationalCount = 0
        while nationalCount < 3 && rng.unit() < 0.45 { nationalCount += 1 }
        for _ in 0..<nationalCount {
            let name = national(draws.national.pick(&rng))
            if !supportNames.contains(name) { supportNames.append(name) }
        }
        if rng.below(5) == 0 { supportNames.append("\(Self.province(p))各市、县人民政府") }
        return (leads.map { agency(p, $0).0 }, supportNames)
    }

    /// Draws a rank 0..<count with probability proportional to 1/(rank + 1)^exponent (Zipf-like).
    struct ZipfDraw {
        let cumulative: [Double]
        let total: Double

        init(count: Int, exponent: Double) {
            var cumulative: [Double] = []
            var total = 0.0
            for r in 1...count { total += exponent == 1 ? 1 / Double(r) : 1 / pow(Double(r), exponent); cumulative.append(total) }
            self.cumulative = cumulative
            self.total = total
        }

        /// A rank, by binary search of a uniform draw in the cumulative weights.
        func pick(_ rng: inout SplitMix64) -> Int {
            let x = rng.unit() * total
            var lo = 0, hi = cumulative.count - 1
            while lo < hi { let mid = (lo + hi) / 2; if cumulative[mid] < x { lo = mid + 1 } else { hi = mid } }
            return lo
        }
    }
}

import Foundation
