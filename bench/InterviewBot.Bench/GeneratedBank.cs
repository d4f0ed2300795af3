using System.Globalization;
using System.Text;

namespace InterviewBot.Bench;

/// <summary>Synthetic but realistic question files and answers, generated deterministically.</summary>
internal static class GeneratedBank
{
    private static readonly string[] Words =
    [
        "cache", "index", "replica", "queue", "partition", "latency", "throughput", "consistency", "transaction",
        "lock", "retry", "backoff", "token", "session", "schema", "migration", "shard", "leader", "quorum", "timeout",
        "the", "a", "with", "when", "because", "then", "so", "each", "every", "request", "server", "client", "write",
        "read", "eviction", "stampede", "idempotent", "bucket", "window", "limit", "query", "plan", "join", "table",
    ];

    public static string Answer(int seed, int characters)
    {
        var random = new Random(seed);
        var text = new StringBuilder(characters + 32);
        while (text.Length < characters)
        {
            text.Append(Words[random.Next(Words.Length)]);
            text.Append(random.Next(12) == 0 ? ". " : " ");
        }

        return text.ToString(0, characters);
    }

    /// <summary>One category file with <paramref name="count"/> valid questions.</summary>
    public static string File(string category, int count, int seed)
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var answer = Answer(seed + i, 900);
            var words = answer.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            yaml.Append(CultureInfo.InvariantCulture, $"""
                - id: {category}-{i}
                  category: {category}
                  difficulty: {(i % 3 == 0 ? "easy" : i % 3 == 1 ? "medium" : "hard")}
                  tags: [{category}, generated]
                  prompt: Question number {i} about {category}?
                  answer: |
                    {answer}
                  key_points:
                    - label: First
                      phrases: [{words[3].TrimEnd('.')}]
                    - label: Second
                      phrases: [{words[10].TrimEnd('.')}]
                    - label: Third
                      phrases: [{words[20].TrimEnd('.')}, something else]
                  hint: Think about it.

                """);
        }

        return yaml.ToString();
    }
}
