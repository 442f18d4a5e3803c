namespace ModelGrid.Openness;

/// <summary>
/// MOT's classification, exactly: resolve each included component's licence (its own, else the release-wide licence of
/// its content type, else the distribution licence), count required components that are included under an open licence,
/// let an included research paper stand in for a technical report that is missing or not open, gate each class's
/// progress on the less open classes, and grant a class only at 100%. No normalisation: <c>apache-2.0</c> is not open.
/// </summary>
public static class MofEvaluator
{
    private static readonly int[] Descending = [3, 2, 1];

    /// <summary>Evaluates a (normalised) record against the licence catalogue.</summary>
    public static MofEvaluation Evaluate(OpennessRecord record, MofLicenseCatalog licenses)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(licenses);
        var buckets = new Dictionary<int, Buckets>();
        var notTypeAppropriate = new List<string>();
        var required = new List<MofComponent>();
        var optional = new List<MofComponent>();
        foreach (var cls in Descending)
        {
            var b = buckets[cls] = new Buckets();
            required.AddRange(MofComponents.Required(cls));
            optional.AddRange(MofComponents.Optional(cls));
            foreach (var (components, isRequired) in new[] { (required, true), (optional, false) })
            {
                foreach (var component in components)
                {
                    if (record.Find(component.Name) is not { } release)
                    {
                        if (isRequired)
                        {
                            b.Missing.Add(component.Name);
                        }

                        continue;
                    }

                    var license = Resolve(component, release, record.Licenses) ?? OpennessRecord.Unlicensed;
                    if (licenses.IsOpen(license))
                    {
                        (isRequired ? b.Included : b.Optional).Add(component.Name);
                        if (!licenses.IsTypeAppropriate(license, component.Type) && !notTypeAppropriate.Contains(component.Name))
                        {
                            notTypeAppropriate.Add(component.Name);
                        }
                    }
                    else if (license == OpennessRecord.Unlicensed)
                    {
                        b.Unlicensed.Add(component.Name);
                    }
                    else
                    {
                        b.Invalid.Add(component.Name);
                    }

                    b.Licenses[component.Name] = license;
                }
            }
        }

        SubstituteResearchPaper(buckets);
        var progress = new MofProgress(Progress(buckets, 1), Progress(buckets, 2), Progress(buckets, 3));
        var result = MofClass.Unclassified;
        foreach (var cls in Descending)
        {
            if (progress.For(cls) == 100.0)
            {
                result = (MofClass)cls;
            }
        }

        MofClass? next = result switch
        {
            MofClass.Unclassified => MofClass.ClassIII,
            MofClass.ClassIII => MofClass.ClassII,
            MofClass.ClassII => MofClass.ClassI,
            _ => null,
        };
        var statuses = Descending.Select(c => buckets[c].ToStatus(c)).ToList();
        return new MofEvaluation(
            result,
            MofEvaluation.LabelOf(result),
            progress,
            statuses,
            notTypeAppropriate,
            next,
            next is { } n ? Shortfalls(buckets[(int)n], (int)n, buckets[1]) : [],
            licenses.Version);
    }

    /// <summary>The licence a component resolves to: its own (null when it says it has none), else the release-wide one of its type, else the distribution licence, else null.</summary>
    public static string? Resolve(MofComponent component, ComponentRelease release, ReleaseLicenses globals)
    {
        if (release.License is { } own)
        {
            return own;
        }

        if (globals.For(component.Type) is { HasName: true } typed)
        {
            return typed.Name;
        }

        return globals.Distribution is { HasName: true } distribution ? distribution.Name : null;
    }

    private static void SubstituteResearchPaper(Dictionary<int, Buckets> buckets)
    {
        if (buckets[3].StatusOf(MofComponents.TechnicalReport) == Status.Included || buckets[1].StatusOf(MofComponents.ResearchPaper) is not { } paper)
        {
            return;
        }

        foreach (var cls in Descending)
        {
            buckets[cls].Missing.Remove(MofComponents.TechnicalReport);
        }

        foreach (var cls in new[] { 2, 3 })
        {
            buckets[cls].ListOf(paper).Add(MofComponents.ResearchPaper);
            buckets[cls].Licenses[MofComponents.ResearchPaper] = buckets[1].Licenses[MofComponents.ResearchPaper];
        }
    }

    private static double Progress(Dictionary<int, Buckets> buckets, int cls)
    {
        var total = 0;
        var included = 0;
        var i = 3;
        while (i >= cls)
        {
            total += MofComponents.Required(i).Count;
            included = buckets[i].Included.Count;
            if (included < total)
            {
                break;
            }

            i--;
        }

        if (i > cls)
        {
            return 0;
        }

        if (cls == 1 && buckets[1].StatusOf(MofComponents.TechnicalReport) != Status.Included
            && buckets[1].StatusOf(MofComponents.ResearchPaper) == Status.Included)
        {
            total--;
        }

        return Math.Min(100.0, (double)included / total * 100);
    }

    private static List<MofShortfall> Shortfalls(Buckets target, int cls, Buckets classI)
    {
        // The paper excuses the report for every class once it is open (Class I then counts 13 components, not 14).
        var reportExcused = target.StatusOf(MofComponents.TechnicalReport) != Status.Included
            && classI.StatusOf(MofComponents.ResearchPaper) == Status.Included;
        var shortfalls = new List<MofShortfall>();
        foreach (var component in MofComponents.All.Where(c => c.Required))
        {
            var name = component.Name;
            if (reportExcused && name == MofComponents.TechnicalReport)
            {
                continue;
            }

            var reason = target.StatusOf(name) switch
            {
                Status.Unlicensed => "included without a licence",
                Status.Invalid => $"licence '{target.Licenses[name]}' is not an open licence",
                _ when target.Missing.Contains(name) => "not included",
                _ => null,
            };
            if (reason is not null)
            {
                shortfalls.Add(new MofShortfall(name, name == MofComponents.ResearchPaper && !target.Missing.Contains(name) && cls > 1
                    ? $"{reason} (it stands in for the technical report)"
                    : reason));
            }
        }

        return shortfalls;
    }

    private enum Status
    {
        Included,
        Invalid,
        Unlicensed,
    }

    private sealed class Buckets
    {
        public List<string> Included { get; } = [];

        public List<string> Missing { get; } = [];

        public List<string> Unlicensed { get; } = [];

        public List<string> Invalid { get; } = [];

        public List<string> Optional { get; } = [];

        public Dictionary<string, string> Licenses { get; } = new(StringComparer.Ordinal);

        public Status? StatusOf(string component) =>
            Included.Contains(component) ? Status.Included
            : Invalid.Contains(component) ? Status.Invalid
            : Unlicensed.Contains(component) ? Status.Unlicensed
            : null;

        public List<string> ListOf(Status status) => status switch
        {
            Status.Included => Included,
            Status.Invalid => Invalid,
            _ => Unlicensed,
        };

        public MofClassStatus ToStatus(int cls)
        {
            return new MofClassStatus(cls, [.. Included], [.. Missing], [.. Unlicensed], [.. Invalid], [.. Optional],
                new Dictionary<string, string>(Licenses, StringComparer.Ordinal));
        }
    }
}
