using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace InterviewBot.Core.Questions;

/// <summary>
/// The nodes of one YAML document, read from YamlDotNet's event parser into flat arrays. It is the tree YamlDotNet's
/// representation model (<c>YamlStream</c>) builds, with the same rules for anchors and aliases (an alias is the
/// anchored node itself; one written before its anchor is resolved at the end of the document), the same
/// "Duplicate key" and "anchor does not exist" errors at the same points, but without an object per node and a
/// dictionary per mapping, and the arrays are reused. Nodes are indices; a mapping's children are key, value, key,
/// value, ...
/// </summary>
internal sealed class YamlTree
{
    // Above this many pairs a mapping's keys are checked for duplicates through a hash set instead of one by one.
    private const int LinearKeyCheckLimit = 16;

    // YamlDotNet's limit when it prints a node (RecursionLevel in YamlNode.ToString).
    private const int MaximumPrintDepth = 1000;

    private readonly Dictionary<AnchorName, int> _anchors = [];
    private readonly List<int> _withPlaceholders = [];
    private readonly KeyComparer _keyComparer;
    private Node[] _nodes = new Node[256];
    private int _nodeCount;
    private int[] _children = new int[256];
    private int _childCount;
    private int[] _pending = new int[64];
    private int _pendingCount;
    private OpenCollection[] _open = new OpenCollection[16];
    private int _openCount;

    public YamlTree() => _keyComparer = new KeyComparer(this);

    public enum NodeKind : byte
    {
        Scalar,
        Sequence,
        Mapping,

        /// <summary>An alias written before its anchor; replaced by the anchored node at the end of the document.</summary>
        Placeholder,
    }

    /// <summary>True once the document has defined an anchor: a later alias may point at any node read so far.</summary>
    public bool HasAnchors => _anchors.Count > 0;

    /// <summary>True once the document has an alias that is only resolved at its end.</summary>
    public bool HasPlaceholders { get; private set; }

    public NodeKind Kind(int node) => _nodes[node].Kind;

    public Mark Start(int node) => _nodes[node].Start;

    /// <summary>A scalar's text (never null for a scalar).</summary>
    public string? Value(int node) => _nodes[node].Value;

    /// <summary>A closed collection's children; for a mapping, keys and values alternate.</summary>
    public ReadOnlySpan<int> Children(int node) => _children.AsSpan(_nodes[node].First, _nodes[node].Count);

    /// <summary>Forgets the previous document: anchors do not reach across documents.</summary>
    public void StartDocument()
    {
        Array.Clear(_nodes, 0, _nodeCount);
        _nodeCount = 0;
        _childCount = 0;
        _pendingCount = 0;
        _openCount = 0;
        _anchors.Clear();
        _withPlaceholders.Clear();
        HasPlaceholders = false;
    }

    /// <summary>
    /// Reads the node at the parser's current event and everything inside it, and returns it. The node is not yet
    /// attached to an open collection; <see cref="AddChild"/> does that.
    /// </summary>
    public int ReadNode(IParser parser)
    {
        var depth = _openCount;
        while (true)
        {
            int completed;
            switch (parser.Current)
            {
                case Scalar scalar:
                    parser.MoveNext();
                    completed = Add(NodeKind.Scalar, scalar, scalar.Value);
                    break;
                case AnchorAlias alias:
                    parser.MoveNext();
                    completed = _anchors.TryGetValue(alias.Value, out var target) ? target : AddPlaceholder(alias);
                    break;
                case SequenceStart or MappingStart:
                    Open(parser);
                    continue;
                case SequenceEnd or MappingEnd:
                    completed = Close(parser);
                    break;
                default:
                    throw new ArgumentException("The current event is of an unsupported type.", nameof(parser));
            }

            if (_openCount == depth)
            {
                return completed;
            }

            AddChild(completed);
        }
    }

    /// <summary>Opens the sequence or mapping at the parser's current event; its children follow.</summary>
    public void Open(IParser parser)
    {
        var start = (NodeEvent)parser.Current!;
        parser.MoveNext();
        var node = Add(start is SequenceStart ? NodeKind.Sequence : NodeKind.Mapping, start, null);
        if (_openCount == _open.Length)
        {
            Array.Resize(ref _open, _open.Length * 2);
        }

        _open[_openCount++] = new OpenCollection(node, _pendingCount);
    }

    /// <summary>Closes the innermost open collection at the parser's current (end) event and returns it.</summary>
    public int Close(IParser parser)
    {
        var end = parser.Current!;
        parser.MoveNext();
        var open = _open[--_openCount];
        var count = _pendingCount - open.PendingBase;
        if (count % 2 == 1 && _nodes[open.Node].Kind == NodeKind.Mapping)
        {
            // YamlDotNet's parser can end a mapping right after a key when the text after it is broken; its
            // representation model then fails with an ArgumentException, which is no help to the author.
            throw new YamlException(end.Start, end.End, "a mapping key has no value");
        }

        EnsureChildren(count);
        Array.Copy(_pending, open.PendingBase, _children, _childCount, count);
        _nodes[open.Node].First = _childCount;
        _nodes[open.Node].Count = count;
        _childCount += count;
        _pendingCount = open.PendingBase;
        if (open.HasPlaceholders)
        {
            _withPlaceholders.Add(open.Node);
        }

        return open.Node;
    }

    /// <summary>
    /// Attaches a read node to the innermost open collection. A mapping value completes a pair, whose key is then
    /// checked against the mapping's other keys as YamlDotNet does (same equality, same exception).
    /// </summary>
    public void AddChild(int node)
    {
        ref var open = ref _open[_openCount - 1];
        if (_pendingCount == _pending.Length)
        {
            Array.Resize(ref _pending, _pending.Length * 2);
        }

        _pending[_pendingCount++] = node;
        open.HasPlaceholders |= _nodes[node].Kind == NodeKind.Placeholder;
        var count = _pendingCount - open.PendingBase;
        if (_nodes[open.Node].Kind == NodeKind.Mapping && count % 2 == 0)
        {
            CheckKey(ref open, _pending[_pendingCount - 2], count / 2);
        }
    }

    /// <summary>
    /// Forgets the last child of the innermost open collection and every node read after <paramref name="nodeCount"/>;
    /// only safe when no anchor can refer back to them.
    /// </summary>
    public void DropLastChild(int nodeCount)
    {
        _pendingCount--;
        Array.Clear(_nodes, nodeCount, _nodeCount - nodeCount);
        _nodeCount = nodeCount;
    }

    public int NodeCount => _nodeCount;

    /// <summary>
    /// Replaces the aliases written before their anchors, in YamlDotNet's order (collections in the order they
    /// closed, keys before values); an alias whose anchor never appears is an error at the alias.
    /// </summary>
    public void ResolvePlaceholders()
    {
        foreach (var collection in _withPlaceholders)
        {
            var children = _children.AsSpan(_nodes[collection].First, _nodes[collection].Count);
            if (_nodes[collection].Kind == NodeKind.Sequence)
            {
                foreach (ref var child in children)
                {
                    child = Resolve(child);
                }

                continue;
            }

            // A mapping: values are replaced in place; a pair whose key was an alias moves to the end, as YamlDotNet
            // removes it and adds it again.
            var movedKeys = new List<(int Key, int Value)>();
            for (var i = 0; i < children.Length; i += 2)
            {
                if (_nodes[children[i]].Kind == NodeKind.Placeholder)
                {
                    movedKeys.Add((i, Resolve(children[i])));
                }

                children[i + 1] = Resolve(children[i + 1]);
            }

            if (movedKeys.Count > 0)
            {
                var reordered = new List<int>(children.Length);
                for (var i = 0; i < children.Length; i += 2)
                {
                    if (_nodes[children[i]].Kind != NodeKind.Placeholder)
                    {
                        reordered.Add(children[i]);
                        reordered.Add(children[i + 1]);
                    }
                }

                foreach (var (key, resolved) in movedKeys)
                {
                    reordered.Add(resolved);
                    reordered.Add(children[key + 1]);
                }

                reordered.CopyTo(children);
            }
        }
    }

    private int Resolve(int node) =>
        _nodes[node].Kind != NodeKind.Placeholder
            ? node
            : _anchors.TryGetValue(_nodes[node].Anchor, out var target)
                ? target
                : throw new AnchorNotFoundException(_nodes[node].Start, _nodes[node].End, $"The anchor '{_nodes[node].Anchor}' does not exists");

    private int Add(NodeKind kind, NodeEvent evt, string? value)
    {
        if (_nodeCount == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
        }

        var index = _nodeCount++;
        _nodes[index] = new Node { Kind = kind, Start = evt.Start, End = evt.End, Value = value, Tag = evt.Tag };
        if (!evt.Anchor.IsEmpty)
        {
            _anchors[evt.Anchor] = index;
        }

        return index;
    }

    private int AddPlaceholder(AnchorAlias alias)
    {
        if (_nodeCount == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
        }

        HasPlaceholders = true;
        var index = _nodeCount++;
        _nodes[index] = new Node { Kind = NodeKind.Placeholder, Start = alias.Start, End = alias.End, Anchor = alias.Value };
        return index;
    }

    private void EnsureChildren(int count)
    {
        if (_childCount + count > _children.Length)
        {
            Array.Resize(ref _children, Math.Max(_children.Length * 2, _childCount + count));
        }
    }

    private void CheckKey(ref OpenCollection open, int key, int pairs)
    {
        var duplicate = false;
        if (pairs <= LinearKeyCheckLimit)
        {
            for (var i = open.PendingBase; i < _pendingCount - 2 && !duplicate; i += 2)
            {
                duplicate = KeysEqual(_pending[i], key, 0);
            }
        }
        else
        {
            if (open.Keys is null)
            {
                open.Keys = new HashSet<int>(_keyComparer);
                for (var i = open.PendingBase; i < _pendingCount - 2; i += 2)
                {
                    open.Keys.Add(_pending[i]);
                }
            }

            duplicate = !open.Keys.Add(key);
        }

        if (duplicate)
        {
            throw new YamlException(_nodes[key].Start, _nodes[key].End, $"Duplicate key {Print(key)}");
        }
    }

    /// <summary>
    /// YamlDotNet's key equality as its dictionary sees it: scalars by tag and text, sequences by tag and items,
    /// mappings and unresolved aliases only when they are the same node (their hash codes are per object).
    /// </summary>
    private bool KeysEqual(int a, int b, int depth)
    {
        if (a == b)
        {
            return true;
        }

        ref readonly var x = ref _nodes[a];
        ref readonly var y = ref _nodes[b];
        if (x.Kind != y.Kind || !x.Tag.Equals(y.Tag) || depth > MaximumPrintDepth)
        {
            return false;
        }

        switch (x.Kind)
        {
            case NodeKind.Scalar:
                return string.Equals(x.Value, y.Value, StringComparison.Ordinal);
            case NodeKind.Sequence:
                var left = Children(a);
                var right = Children(b);
                if (left.Length != right.Length)
                {
                    return false;
                }

                for (var i = 0; i < left.Length; i++)
                {
                    if (!KeysEqual(left[i], right[i], depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private int KeyHash(int node, int depth)
    {
        ref readonly var n = ref _nodes[node];
        switch (n.Kind)
        {
            case NodeKind.Scalar:
                return HashCode.Combine(n.Tag, StringComparer.Ordinal.GetHashCode(n.Value!));
            case NodeKind.Sequence when depth <= MaximumPrintDepth:
                var hash = new HashCode();
                hash.Add(n.Tag);
                foreach (var child in Children(node))
                {
                    hash.Add(KeyHash(child, depth + 1));
                }

                return hash.ToHashCode();
            default:
                return node;
        }
    }

    /// <summary>A node as YamlDotNet prints it in "Duplicate key ..." (YamlNode.ToString).</summary>
    private string Print(int node)
    {
        var text = new StringBuilder();
        var depth = 0;
        Print(node, text, ref depth);
        return text.ToString();
    }

    private void Print(int node, StringBuilder text, ref int depth)
    {
        ref readonly var n = ref _nodes[node];
        if (n.Kind == NodeKind.Scalar)
        {
            text.Append(n.Value);
            return;
        }

        if (n.Kind == NodeKind.Placeholder)
        {
            text.Append('*').Append(n.Anchor.ToString());
            return;
        }

        if (depth >= MaximumPrintDepth)
        {
            text.Append("WARNING! INFINITE RECURSION!");
            return;
        }

        depth++;
        var sequence = n.Kind == NodeKind.Sequence;
        var children = Children(node);
        var start = text.Length;
        text.Append(sequence ? "[ " : "{ ");
        for (var i = 0; i < children.Length; i += sequence ? 1 : 2)
        {
            if (text.Length - start > 2)
            {
                text.Append(", ");
            }

            if (sequence)
            {
                Print(children[i], text, ref depth);
            }
            else
            {
                text.Append("{ ");
                Print(children[i], text, ref depth);
                text.Append(", ");
                Print(children[i + 1], text, ref depth);
                text.Append(" }");
            }
        }

        text.Append(sequence ? " ]" : " }");
        depth--;
    }

    private struct Node
    {
        public NodeKind Kind;
        public Mark Start;
        public Mark End;
        public string? Value;
        public TagName Tag;
        public AnchorName Anchor;
        public int First;
        public int Count;
    }

    private struct OpenCollection(int node, int pendingBase)
    {
        public readonly int Node = node;
        public readonly int PendingBase = pendingBase;
        public bool HasPlaceholders;
        public HashSet<int>? Keys;
    }

    private sealed class KeyComparer(YamlTree tree) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => tree.KeysEqual(x, y, 0);

        public int GetHashCode(int obj) => tree.KeyHash(obj, 0);
    }
}
