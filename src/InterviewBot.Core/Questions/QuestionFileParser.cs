using System.Text.RegularExpressions;
using InterviewBot.Core.Scoring;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace InterviewBot.Core.Questions;

/// <summary>
/// Reads one question file (a YAML list of questions, format in questions/README.md) and reports every problem
/// with file, line, column and reason, rather than stopping at the first. Used for the bank, for
/// <c>interviewbot questions check</c> and for server imports.
/// </summary>
/// <remarks>
/// The file is read from YamlDotNet's event parser into a <see cref="YamlTree"/> and each question is checked as soon
/// as it has been read, so a large file never exists as a whole object tree; the rules (what is an error, where it is
/// reported, in which order) are those of loading it into YamlDotNet's representation model first.
/// </remarks>
public static partial class QuestionFileParser
{
    private static readonly string[] QuestionFields =
        ["id", "category", "difficulty", "tags", "prompt", "answer", "key_points", "hint", "follow_ups", "code", "code_language"];

    private static readonly string[] KeyPointFields = ["label", "phrases", "derived"];

    private static readonly string QuestionFieldList = string.Join(", ", QuestionFields);
    private static readonly string KeyPointFieldList = string.Join(", ", KeyPointFields);

    /// <summary>Parses <paramref name="text"/>, shown in problems as <paramref name="displayName"/>.</summary>
    /// <param name="expectedCategory">When set (bank files), every question's category must equal it.</param>
    public static (IReadOnlyList<Question> Questions, IReadOnlyList<BankProblem> Problems) Parse(
        string displayName, string text, string? expectedCategory, KeyPointScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scorer);
        var reader = new FileReader(displayName, expectedCategory, scorer);
        var parser = new TrackingParser(new Parser(new StringReader(text)));
        try
        {
            reader.Read(parser);
        }
        catch (YamlException e)
        {
            // As with a whole-file load: a file that is not valid YAML reports only that.
            return ([], [new BankProblem(At(displayName, e.Start), $"YAML syntax: {Describe(e)}")]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) on some malformed input, such as an unclosed '['.
            return ([], [new BankProblem(
                At(displayName, parser.LastGoodEnd),
                "YAML syntax: the file cannot be read after this point (an unclosed bracket or quote?)")]);
        }

        return (reader.Questions, reader.Problems);
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

    /// <summary>One file being read: the tree of the current document, the questions and the problems found so far.</summary>
    private sealed class FileReader(string file, string? expectedCategory, KeyPointScorer scorer)
    {
        private const int Id = 0, Category = 1, DifficultyField = 2, Tags = 3, Prompt = 4, Answer = 5, KeyPoints = 6, Hint = 7, FollowUps = 8, Code = 9, CodeLanguage = 10;
        private const int Label = 0, Phrases = 1, Derived = 2;

        private readonly YamlTree _tree = new();
        private readonly int[] _questionFields = new int[QuestionFields.Length];
        private readonly int[] _keyPointFields = new int[KeyPointFields.Length];
        private TokenBuffer _tokens = new();
        private int _list = -1;
        private int _checkedAndKept;

        public List<Question> Questions { get; } = [];

        public List<BankProblem> Problems { get; } = [];

        /// <summary>Reads every document (later ones only for YAML errors, as before); questions come from the first.</summary>
        public void Read(IParser parser)
        {
            parser.Consume<StreamStart>();
            var documents = 0;
            while (!parser.TryConsume<StreamEnd>(out _))
            {
                parser.Consume<DocumentStart>();
                _tree.StartDocument();
                if (documents == 0 && parser.Current is SequenceStart)
                {
                    ReadList(parser);
                }
                else
                {
                    var root = _tree.ReadNode(parser);
                    if (_tree.Kind(root) == YamlTree.NodeKind.Placeholder)
                    {
                        throw new YamlException("A document cannot contain only an alias");
                    }

                    if (documents == 0)
                    {
                        Report(root, "expected a list of questions (each item starting with '- id: ...')");
                    }
                }

                parser.Consume<DocumentEnd>();
                _tree.ResolvePlaceholders();
                if (documents == 0 && _list >= 0)
                {
                    // Questions that used an alias written before its anchor are checked now that it is resolved.
                    foreach (var item in _tree.Children(_list)[_checkedAndKept..])
                    {
                        Check(item);
                    }
                }

                documents++;
            }

            if (documents == 0)
            {
                Problems.Add(new BankProblem(new SourceLocation(file, 1, 1), "the file is empty; expected a list of questions"));
            }
        }

        /// <summary>
        /// Reads the list of questions, checking each as soon as it is complete. Its nodes are then dropped unless an
        /// anchor in the document could still refer to them; once an alias is waiting for a later anchor, the rest
        /// is checked at the end of the document.
        /// </summary>
        private void ReadList(IParser parser)
        {
            _tree.Open(parser);
            var waiting = false;
            while (parser.Current is not SequenceEnd)
            {
                var nodeCount = _tree.NodeCount;
                var item = _tree.ReadNode(parser);
                _tree.AddChild(item);
                waiting |= _tree.HasPlaceholders;
                if (waiting)
                {
                    continue;
                }

                Check(item);
                if (_tree.HasAnchors)
                {
                    _checkedAndKept++;
                }
                else
                {
                    _tree.DropLastChild(nodeCount);
                }
            }

            _list = _tree.Close(parser);
        }

        private void Check(int item)
        {
            if (_tree.Kind(item) != YamlTree.NodeKind.Mapping)
            {
                Report(item, "expected a question (a mapping with id, category, difficulty, ...)");
            }
            else if (ReadQuestion(item) is { } question)
            {
                Questions.Add(question);
            }
        }

        private Question? ReadQuestion(int node)
        {
            var before = Problems.Count;
            var fields = _questionFields;
            Fields(node, fields, QuestionFields, QuestionFieldList, "question");

            var id = RequiredString(node, fields, Id);
            if (id is not null && !IdPattern().IsMatch(id))
            {
                Report(fields[Id], $"id '{id}' must be {QuestionLimits.MinIdLength}-{QuestionLimits.MaxIdLength} characters of lowercase letters, digits and '-'");
            }

            var category = RequiredString(node, fields, Category);
            if (category is not null && expectedCategory is not null && category != expectedCategory)
            {
                Report(fields[Category], $"category '{category}' does not match the file name (expected '{expectedCategory}')");
            }
            else if (category is not null && !SlugPattern().IsMatch(category))
            {
                Report(fields[Category], $"category '{category}' must be a lowercase slug");
            }

            var difficultyText = RequiredString(node, fields, DifficultyField);
            var difficulty = Difficulty.Medium;
            if (difficultyText is not null && !DifficultyNames.TryParse(difficultyText, out difficulty))
            {
                Report(fields[DifficultyField], $"unknown difficulty '{difficultyText}'; expected easy, medium or hard");
            }

            var tags = StringList(fields, Tags);
            foreach (var (tag, tagNode) in tags)
            {
                if (!SlugPattern().IsMatch(tag))
                {
                    Report(tagNode, $"tag '{tag}' must be a lowercase slug (letters, digits, '-')");
                }
            }

            var prompt = RequiredString(node, fields, Prompt);
            CheckLength(fields, Prompt, prompt, QuestionLimits.PromptLength, "Discord's embed title limit");
            var answer = RequiredString(node, fields, Answer);
            CheckLength(fields, Answer, answer, QuestionLimits.AnswerLength, "Discord's embed description limit");
            var hint = OptionalString(fields, Hint);
            CheckLength(fields, Hint, hint, QuestionLimits.HintLength, "the hint limit");
            var code = OptionalString(fields, Code);
            CheckLength(fields, Code, code, QuestionLimits.CodeLength, "Discord's embed field limit, with room for the fences");
            var codeLanguage = OptionalString(fields, CodeLanguage);
            if (codeLanguage is not null && !SlugPattern().IsMatch(codeLanguage))
            {
                Report(fields[CodeLanguage], $"code_language '{codeLanguage}' must be a lowercase word such as csharp, sql, js");
            }

            var followUps = StringList(fields, FollowUps);
            var keyPoints = ReadKeyPoints(node, fields[KeyPoints]);

            if (answer is not null && keyPoints.Count > 0)
            {
                var coverage = scorer.Score(keyPoints.Select(k => k.Point).ToList(), answer);
                for (var k = 0; k < keyPoints.Count; k++)
                {
                    if (!coverage.Points[k].Covered)
                    {
                        Report(keyPoints[k].Node, $"key point '{keyPoints[k].Point.Label}': none of its phrases occurs in the question's own reference answer");
                    }
                }
            }

            if (Problems.Count > before || id is null || category is null || prompt is null || answer is null)
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
                Location = At(file, _tree.Start(node)),
            };
        }

        private List<(KeyPoint Point, int Node)> ReadKeyPoints(int question, int node)
        {
            var result = new List<(KeyPoint, int)>();
            if (node < 0)
            {
                Report(question, "missing field 'key_points'");
                return result;
            }

            if (_tree.Kind(node) != YamlTree.NodeKind.Sequence)
            {
                Report(node, "key_points must be a list of { label, phrases }");
                return result;
            }

            var items = _tree.Children(node);
            if (items.Length is < QuestionLimits.MinKeyPoints or > QuestionLimits.MaxKeyPoints)
            {
                Report(node, $"key_points has {items.Length} entries; expected {QuestionLimits.MinKeyPoints} to {QuestionLimits.MaxKeyPoints}");
            }

            foreach (var item in items)
            {
                if (_tree.Kind(item) != YamlTree.NodeKind.Mapping)
                {
                    Report(item, "a key point must be a mapping with 'label' and 'phrases'");
                    continue;
                }

                var fields = _keyPointFields;
                Fields(item, fields, KeyPointFields, KeyPointFieldList, "key point");
                var label = RequiredString(item, fields, Label);
                CheckLength(fields, Label, label, QuestionLimits.KeyPointLabelLength, "the label limit");
                var phrases = StringList(fields, Phrases);
                if (fields[Phrases] < 0)
                {
                    Report(item, "missing field 'phrases'");
                }
                else if (phrases.Count == 0 || phrases.TrueForAll(p => HasNoWords(p.Value)))
                {
                    Report(fields[Phrases], "phrases is empty; give at least one word or phrase that shows the point was made");
                }

                var derived = OptionalBoolean(fields, Derived);
                if (label is not null && phrases.Count > 0)
                {
                    result.Add((new KeyPoint(label.Trim(), [.. phrases.Select(p => p.Value.Trim())], derived), item));
                }
            }

            return result;
        }

        /// <summary>True when the scorer would find no word at all in <paramref name="phrase"/>.</summary>
        private bool HasNoWords(string phrase)
        {
            TextNormalizer.Tokenize(phrase, ref _tokens);
            return _tokens.Count == 0;
        }

        private void Report(int node, string reason) => Problems.Add(new BankProblem(At(file, _tree.Start(node)), reason));

        /// <summary>Fills <paramref name="fields"/> with the value node of each known field (-1 when absent).</summary>
        private void Fields(int mapping, int[] fields, string[] known, string knownList, string what)
        {
            Array.Fill(fields, -1);
            var children = _tree.Children(mapping);
            for (var i = 0; i < children.Length; i += 2)
            {
                var keyNode = children[i];
                var key = _tree.Kind(keyNode) == YamlTree.NodeKind.Scalar ? _tree.Value(keyNode) ?? string.Empty : string.Empty;
                var index = Array.IndexOf(known, key);
                if (index < 0)
                {
                    Report(keyNode, $"unknown field '{key}' in a {what}; expected one of: {knownList}");
                }
                else if (fields[index] >= 0)
                {
                    Report(keyNode, $"field '{key}' appears twice");
                }
                else
                {
                    fields[index] = children[i + 1];
                }
            }
        }

        private string? RequiredString(int owner, int[] fields, int field)
        {
            var name = NameOf(fields, field);
            var node = fields[field];
            if (node < 0)
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

        private string? OptionalString(int[] fields, int field)
        {
            var node = fields[field];
            if (node < 0)
            {
                return null;
            }

            var value = Scalar(node, NameOf(fields, field));
            return string.IsNullOrWhiteSpace(value) ? null : value;
        }

        /// <summary>An optional <c>true</c>/<c>false</c>; false when absent.</summary>
        private bool OptionalBoolean(int[] fields, int field)
        {
            var node = fields[field];
            if (node < 0)
            {
                return false;
            }

            var name = NameOf(fields, field);
            switch (Scalar(node, name))
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

        private List<(string Value, int Node)> StringList(int[] fields, int field)
        {
            var result = new List<(string, int)>();
            var node = fields[field];
            if (node < 0)
            {
                return result;
            }

            var name = NameOf(fields, field);
            if (_tree.Kind(node) != YamlTree.NodeKind.Sequence)
            {
                Report(node, $"field '{name}' must be a list, e.g. [a, b]");
                return result;
            }

            foreach (var item in _tree.Children(node))
            {
                if (_tree.Kind(item) == YamlTree.NodeKind.Scalar && _tree.Value(item) is { } value && !string.IsNullOrWhiteSpace(value))
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

        private void CheckLength(int[] fields, int field, string? value, int limit, string why)
        {
            // Measured on a trimmed view: a block scalar's trailing newline is not worth a copy of the text.
            if (value is not null && value.AsSpan().Trim().Length > limit)
            {
                Report(fields[field], $"{NameOf(fields, field)} is {value.AsSpan().Trim().Length} characters; the limit is {limit} ({why})");
            }
        }

        private string? Scalar(int node, string name)
        {
            if (_tree.Kind(node) == YamlTree.NodeKind.Scalar)
            {
                return _tree.Value(node) ?? string.Empty;
            }

            Report(node, $"field '{name}' must be text, not a list or mapping");
            return null;
        }

        private string NameOf(int[] fields, int field) => (fields == _questionFields ? QuestionFields : KeyPointFields)[field];
    }

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
}
