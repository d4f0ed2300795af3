using System.Text;

namespace InterviewBot.Core.Stats;

/// <summary>Charts made of Unicode block characters, readable in a Discord embed on any device.</summary>
public static class TextCharts
{
    private const string Levels = "▁▂▃▄▅▆▇█";

    /// <summary>A sparkline, one character per value, scaled to the largest value (all zero → lowest bar).</summary>
    public static string Sparkline(IReadOnlyList<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var max = values.Count == 0 ? 0 : values.Max();
        var builder = new StringBuilder(values.Count);
        foreach (var value in values)
        {
            var level = max <= 0 ? 0 : (int)Math.Round((double)Math.Max(0, value) / max * (Levels.Length - 1), MidpointRounding.AwayFromZero);
            builder.Append(Levels[level]);
        }

        return builder.ToString();
    }

    /// <summary>A horizontal bar for a percentage, e.g. <c>███████░░░ 70%</c>.</summary>
    public static string Bar(double percent, int width = 10)
    {
        var clamped = Math.Clamp(percent, 0, 100);
        var filled = (int)Math.Round(clamped / 100 * width, MidpointRounding.AwayFromZero);
        return string.Concat(new string('█', filled), new string('░', width - filled), $" {Math.Round(clamped):0}%");
    }
}
