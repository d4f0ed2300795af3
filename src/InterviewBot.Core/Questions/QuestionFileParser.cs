using System.Text.RegularExpressions;
using InterviewBot.Core.Scoring;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace InterviewBot.Core.Questions;

/// <summary>
/// Reads one question file (a YAML list of questions, format in questions/README.md) and reports every problem
/// with file, line, column and reason, rather than stopping at the first. Used for the bank, for
/// <c>interviewbot questions check</c> and for server imports.
/// </summary>
public static partial class QuestionFileParser
{
    private static readonly HashSet<string> QuestionFields =
        ["id", "category", "difficulty", "tags", "prompt", "answer", "key_points", "hint", "follow_ups", "code", "code_language"];

    private static readonly HashSet<string> KeyPointFields = ["label", "phrases", "derived"];

    /// <summary>Parses <paramref name="text"/>, shown in problems as <paramref name="displayName"/>.</summary>
    /// <param name="expectedCategory">When set (bank files), every question's category must equal it.</param>
    public static (IReadOnlyList<Question> Questions, IReadOnlyList<BankProblem> Problems) Parse(
        string displayName, string text, string? expectedCategory, KeyPointScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scorer);
        var problems = new List<BankProblem>();
        var questions = new List<Question>();
        var stream = new YamlStream();
        var parser = new TrackingParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            problems.Add(new BankProblem(At(displayName, e.Start), $"YAML syntax: {Describe(e)}"));
            return (questions, problems);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) on some malformed input, such as an unclosed '['.
            problems.Add(new BankProblem(
                At(displayName, parser.LastGoodEnd),
                "YAML syntax: the file cannot be read after this point (an unclosed bracket or quote?)"));
            return (questions, problems);
        }

        if (stream.Documents.Count == 0)
        {
            problems.Add(new BankProblem(new SourceLocation(displayName, 1, 1), "the file is empty; expected a list of questions"));
            return (questions, problems);
        }

        if (stream.Documents[0].RootNode is not YamlSequenceNode list)
        {
            problems.Add(new BankProblem(At(displayName, stream.Documents[0].RootNode.Start), "expected a list of questions (each item starting with '- id: ...')"));
            return (questions, problems);
        }

        foreach (var item in list.Children)
        {
            var context = new Context(displayName, problems);
            if (item is not YamlMappingNode mapping)
            {
                context.Report(item, "expected a question (a mapping with id, category, difficulty, ...)");
                continue;
            }

            if (ReadQuestion(mapping, context, expectedCategory, scorer) is { } question)
            {
                questions.Add(question);
            }
        }

        return (questions, problems);
    }

    private static Question? ReadQuestion(YamlMappingNode node, Context context, string? expectedCategory, KeyPointScorer scorer)
    {
        var before = context.Count;
        var fields = context.Fields(node, QuestionFields, "question");

        var id = context.RequiredString(node, fields, "id");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            context.Report(fields["id"], $"id '{id}' must be {QuestionLimits.MinIdLength}-{QuestionLimits.MaxIdLength} characters of lowercase letters, digits and '-'");
        }

        var category = context.RequiredString(node, fields, "category");
        if (category is not null && expectedCategory is not null && category != expectedCategory)
        {
            context.Report(fields["category"], $"category '{category}' does not match the file name (expected '{expectedCategory}')");
        }
        else if (category is not null && !SlugPattern().IsMatch(category))
        {
            context.Report(fields["category"], $"category '{category}' must be a lowercase slug");
        }

        var difficultyText = context.RequiredString(node, fields, "difficulty");
        var difficulty = Difficulty.Medium;
        if (difficultyText is not null && !DifficultyNames.TryParse(difficultyText, out difficulty))
        {
            context.Report(fields["difficulty"], $"unknown difficulty '{difficultyText}'; expected easy, medium or hard");
        }

        var tags = context.StringList(fields, "tags");
        foreach (var (tag, tagNode) in tags)
        {
            if (!SlugPattern().IsMatch(tag))
            {
                context.Report(tagNode, $"tag '{tag}' must be a lowercase slug (letters, digits, '-')");
            }
        }

        var prompt = context.RequiredString(node, fields, "prompt");
        context.CheckLength(fields, "prompt", prompt, QuestionLimits.PromptLength, "Discord's embed title limit");
        var answer = context.RequiredString(node, fields, "answer");
        context.CheckLength(fields, "answer", answer, QuestionLimits.AnswerLength, "Discord's embed description limit");
        var hint = context.OptionalString(fields, "hint");
        context.CheckLength(fields, "hint", hint, QuestionLimits.HintLength, "the hint limit");
        var code = context.OptionalString(fields, "code");
        context.CheckLength(fields, "code", code, QuestionLimits.CodeLength, "Discord's embed field limit, with room for the fences");
        var codeLanguage = context.OptionalString(fields, "code_language");
        if (codeLanguage is not null && !SlugPattern().IsMatch(codeLanguage))
        {
            context.Report(fields["code_language"], $"code_language '{codeLanguage}' must be a lowercase word such as csharp, sql, js");
        }

        var followUps = context.StringList(fields, "follow_ups");
        var keyPoints = ReadKeyPoints(node, fields, context);

        if (answer is not null && keyPoints.Count > 0)
        {
            var coverage = scorer.Score(keyPoints.Select(k => k.Point).ToList(), answer);
            for (var k = 0; k < keyPoints.Count; k++)
            {
                if (!coverage.Points[k].Covered)
                {
                    context.Report(keyPoints[k].Node, $"key point '{keyPoints[k].Point.Label}': none of its phrases occurs in the question's own reference answer");
                }
            }
        }

        if (context.Count > before || id is null || category is null || prompt is null || answer is null)
        {
            return null;
        }

        return new Question
        {
            Id = id,
            Category = category,
            Difficulty = difficulty,
            Tags = [.. tags.Select(t => t.Value)],
            Prompt = prompt.Trim(),
            Answer = answer.Trim(),
            KeyPoints = [.. keyPoints.Select(k => k.Point)],
            Hint = hint?.Trim(),
            FollowUps = [.. followUps.Select(f => f.Value.Trim())],
            Code = code?.TrimEnd(),
            CodeLanguage = codeLanguage,
            Location = At(context.File, node.Start),
        };
    }

    private static List<(KeyPoint Point, YamlNode Node)> ReadKeyPoints(YamlMappingNode question, Dictionary<string, YamlNode> fields, Context context)
    {
        var result = new List<(KeyPoint, YamlNode)>();
        if (!fields.TryGetValue("key_points", out var node))
        {
            context.Report(question, "missing field 'key_points'");
            return result;
        }

        if (node is not YamlSequenceNode list)
        {
            context.Report(node, "key_points must be a list of { label, phrases }");
            return result;
        }

        if (list.Children.Count is < QuestionLimits.MinKeyPoints or > QuestionLimits.MaxKeyPoints)
        {
            context.Report(node, $"key_points has {list.Children.Count} entries; expected {QuestionLimits.MinKeyPoints} to {QuestionLimits.MaxKeyPoints}");
        }

        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                context.Report(item, "a key point must be a mapping with 'label' and 'phrases'");
                continue;
            }

            var keyFields = context.Fields(mapping, KeyPointFields, "key point");
            var label = context.RequiredString(mapping, keyFields, "label");
            context.CheckLength(keyFields, "label", label, QuestionLimits.KeyPointLabelLength, "the label limit");
            var phrases = context.StringList(keyFields, "phrases");
            if (!keyFields.TryGetValue("phrases", out var phrasesNode))
            {
                context.Report(mapping, "missing field 'phrases'");
            }
            else if (phrases.Count == 0 || phrases.All(p => TextNormalizer.Tokens(p.Value).Count == 0))
            {
                context.Report(phrasesNode, "phrases is empty; give at least one word or phrase that shows the point was made");
            }

            var derived = context.OptionalBoolean(keyFields, "derived");
            if (label is not null && phrases.Count > 0)
            {
                result.Add((new KeyPoint(label.Trim(), [.. phrases.Select(p => p.Value.Trim())], derived), mapping));
            }
        }

        return result;
    }

    private static SourceLocation At(string file, Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (...): "; the location is already in front.
        var message = e.InnerException?.Message ?? e.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 ? message[(cut + 3)..] : message).Trim();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9+#.-]{0,39}$")]
    private static partial Regex SlugPattern();

    /// <summary>Remembers where the last successfully parsed event ended, to locate errors that carry no position.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public Mark LastGoodEnd { get; private set; } = Mark.Empty;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (inner.Current is { } current)
            {
                LastGoodEnd = current.End;
            }

            return moved;
        }
    }

    /// <summary>The file being read and the problems found so far.</summary>
    private sealed class Context(string file, List<BankProblem> problems)
    {
        public string File => file;

        public int Count => problems.Count;

        public void Report(YamlNode node, string reason) => problems.Add(new BankProblem(At(file, node.Start), reason));

        public Dictionary<string, YamlNode> Fields(YamlMappingNode node, HashSet<string> known, string what)
        {
            var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in node.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                if (!known.Contains(key))
                {
                    Report(keyNode, $"unknown field '{key}' in a {what}; expected one of: {string.Join(", ", known)}");
                }
                else if (!fields.TryAdd(key, value))
                {
                    Report(keyNode, $"field '{key}' appears twice");
                }
            }

            return fields;
        }

        public string? RequiredString(YamlMappingNode owner, Dictionary<string, YamlNode> fields, string name)
        {
            if (!fields.TryGetValue(name, out var node))
            {
                Report(owner, $"missing field '{name}'");
                return null;
            }

            var value = Scalar(node, name);
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                Report(node, $"field '{name}' is empty");
                return null;
            }

            return value;
        }

        public string? OptionalString(Dictionary<string, YamlNode> fields, string name)
        {
            if (!fields.TryGetValue(name, out var node))
            {
                return null;
            }

            var value = Scalar(node, name);
            return string.IsNullOrWhiteSpace(value) ? null : value;
        }

        /// <summary>An optional <c>true</c>/<c>false</c>; false when absent.</summary>
        public bool OptionalBoolean(Dictionary<string, YamlNode> fields, string name)
        {
            if (!fields.TryGetValue(name, out var node))
            {
                return false;
            }

            var value = Scalar(node, name);
            switch (value)
            {
                case "true":
                    return true;
                case "false":
                    return false;
                case null:
                    return false;
                default:
                    Report(node, $"field '{name}' must be true or false");
                    return false;
            }
        }

        public List<(string Value, YamlNode Node)> StringList(Dictionary<string, YamlNode> fields, string name)
        {
            var result = new List<(string, YamlNode)>();
            if (!fields.TryGetValue(name, out var node))
            {
                return result;
            }

            if (node is not YamlSequenceNode list)
            {
                Report(node, $"field '{name}' must be a list, e.g. [a, b]");
                return result;
            }

            foreach (var item in list.Children)
            {
                if (item is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
                {
                    result.Add((value, item));
                }
                else
                {
                    Report(item, $"every entry of '{name}' must be non-empty text");
                }
            }

            return result;
        }

        public void CheckLength(Dictionary<string, YamlNode> fields, string name, string? value, int limit, string why)
        {
            if (value is not null && value.Trim().Length > limit)
            {
                Report(fields[name], $"{name} is {value.Trim().Length} characters; the limit is {limit} ({why})");
            }
        }

        private string? Scalar(YamlNode node, string name)
        {
            if (node is YamlScalarNode scalar)
            {
                return scalar.Value ?? string.Empty;
            }

            Report(node, $"field '{name}' must be text, not a list or mapping");
            return null;
        }
    }
}
