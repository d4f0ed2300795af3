using System.Globalization;
using System.Text;

namespace InterviewBot.Bench.EndToEnd;

/// <summary>The end-to-end results as one Markdown table: measurement, result, same-run ceiling, ratio, bar.</summary>
public sealed class ResultTable
{
    private readonly List<string[]> _rows = [];

    public void Add(string measurement, string result, string ceiling = "", string ratio = "", string bar = "", bool? met = null) =>
        _rows.Add([measurement, result, ceiling, ratio, bar, met switch { true => "yes", false => "**no**", null => "" }]);

    public static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine("| measurement | result | ceiling (same run) | ratio | bar | met |");
        text.AppendLine("|---|---:|---:|---:|---|---|");
        foreach (var row in _rows)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        return text.ToString();
    }
}
