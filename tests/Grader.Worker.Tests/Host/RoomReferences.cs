using System.Reflection;
using System.Reflection.Emit;

namespace Grader.Worker.Tests.Host;

/// <summary>
/// Which Worker namespaces each Worker namespace references, read from the compiled assembly:
/// base types, interfaces, fields, signatures, attributes and every type, method and field token
/// in the method bodies (lambdas, async state machines and closures count for the type that
/// declares them). A namespace is a folder, so this is the folders' dependency graph.
/// </summary>
public static class RoomReferences
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Each edge from one Worker namespace to another, with the types that make it.</summary>
    public static Dictionary<(string From, string To), SortedSet<string>> Of(Assembly assembly)
    {
        var edges = new Dictionary<(string, string), SortedSet<string>>();
        foreach (var type in assembly.GetTypes())
        {
            var outer = Outermost(type);
            var from = outer.Namespace;
            if (from is null || !from.StartsWith("Grader.Worker", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var used in Referenced(type))
            {
                var to = Outermost(used).Namespace;
                if (to is null || to == from || used.Assembly != assembly || !to.StartsWith("Grader.Worker", StringComparison.Ordinal))
                {
                    continue;
                }

                if (!edges.TryGetValue((from, to), out var why))
                {
                    edges[(from, to)] = why = new SortedSet<string>(StringComparer.Ordinal);
                }

                why.Add($"{outer.Name} -> {Outermost(used).Name}");
            }
        }

        return edges;
    }

    /// <summary>The namespaces that lie on a cycle, each group (a strongly connected component) sorted.</summary>
    public static List<List<string>> Cycles(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Distinct().ToList());
        var nodes = next.Keys.Concat(next.Values.SelectMany(v => v)).Distinct().Order(StringComparer.Ordinal).ToList();
        var reach = nodes.ToDictionary(n => n, n => Reachable(n, next));
        return [.. nodes.Where(n => reach[n].Contains(n))
            .GroupBy(n => string.Join(",", nodes.Where(m => reach[n].Contains(m) && reach[m].Contains(n))))
            .Select(g => g.Key.Split(',').ToList())];
    }

    private static HashSet<string> Reachable(string start, Dictionary<string, List<string>> next)
    {
        var seen = new HashSet<string>();
        var todo = new Stack<string>(next.GetValueOrDefault(start) ?? []);
        while (todo.TryPop(out var n))
        {
            if (seen.Add(n))
            {
                foreach (var m in next.GetValueOrDefault(n) ?? [])
                {
                    todo.Push(m);
                }
            }
        }

        return seen;
    }

    private static Type Outermost(Type type)
    {
        while (type.IsNested)
        {
            type = type.DeclaringType!;
        }

        return type;
    }

    private static IEnumerable<Type> Referenced(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new HashSet<Type>();
        Add(found, type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(found, i);
        }

        foreach (var a in type.GetCustomAttributesData())
        {
            Add(found, a.AttributeType);
        }

        foreach (var f in type.GetFields(all))
        {
            Add(found, f.FieldType);
        }

        foreach (var p in type.GetProperties(all))
        {
            Add(found, p.PropertyType);
        }

        foreach (var m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (m is MethodInfo mi)
            {
                Add(found, mi.ReturnType);
            }

            foreach (var p in m.GetParameters())
            {
                Add(found, p.ParameterType);
            }

            foreach (var a in m.GetCustomAttributesData())
            {
                Add(found, a.AttributeType);
            }

            foreach (var member in BodyTokens(m))
            {
                switch (member)
                {
                    case Type t:
                        Add(found, t);
                        break;
                    case MethodBase called:
                        Add(found, called.DeclaringType);
                        if (called is MethodInfo { IsGenericMethod: true } generic)
                        {
                            foreach (var g in generic.GetGenericArguments())
                            {
                                Add(found, g);
                            }
                        }

                        break;
                    case FieldInfo field:
                        Add(found, field.DeclaringType);
                        Add(found, field.FieldType);
                        break;
                }
            }
        }

        return found;
    }

    private static void Add(HashSet<Type> found, Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            return;
        }

        if (type.HasElementType)
        {
            Add(found, type.GetElementType());
            return;
        }

        if (!found.Add(type) || !type.IsGenericType)
        {
            return;
        }

        foreach (var g in type.GetGenericArguments())
        {
            Add(found, g);
        }
    }

    private static IEnumerable<MemberInfo> BodyTokens(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception ex) when (ex is InvalidOperationException or BadImageFormatException)
        {
            il = null;
        }

        if (il is null)
        {
            yield break;
        }

        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    MemberInfo? member;
                    try
                    {
                        member = method.Module.ResolveMember(token, typeArgs, methodArgs);
                    }
                    catch (ArgumentException)
                    {
                        member = null;
                    }

                    if (member is not null)
                    {
                        yield return member;
                    }

                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }
}
