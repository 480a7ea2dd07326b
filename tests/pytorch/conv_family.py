#!/usr/bin/env python3
"""PyTorch float64 reference values for the convolution family (issue 19).

Run by hand when an op of the family is added or changed (Debian's python3-torch is enough):

    /usr/bin/python3 tests/pytorch/conv_family.py > tests/Grader.Reference.Tests/Data/pytorch-conv-family.json

For every case: the inputs, the output, the first gradients of L1 = sum(w * y) and the second
gradients, those of L2 = sum_i sum(v_i * dL1/dx_i) (torch.autograd.grad with create_graph=True).
The C# side (PyTorchConvolutionTests) holds the same case names, each as a call of Ops, so CI
needs no PyTorch.
"""
import json
import zlib

import torch
import torch.nn.functional as F

D = torch.float64


def rand(*shape):
    return torch.randn(*shape, dtype=D)


# name -> (function of the inputs, input shapes); a name's call must match the C# table.
CASES = {
    "conv2d-unbatched": (lambda x, k: F.conv2d(x.unsqueeze(0), k).squeeze(0), [(2, 5, 4), (3, 2, 2, 3)]),
    "conv2d-batched-bias-stride-padding": (lambda x, k, b: F.conv2d(x, k, b, stride=(2, 1), padding=(1, 2)), [(2, 3, 6, 5), (4, 3, 3, 2), (4,)]),
    "conv2d-dilation-groups": (lambda x, k, b: F.conv2d(x, k, b, stride=1, padding=1, dilation=(2, 1), groups=2), [(2, 4, 6, 6), (6, 2, 2, 3), (6,)]),
    "conv2d-depthwise": (lambda x, k: F.conv2d(x, k, stride=2, padding=1, groups=3), [(1, 3, 5, 5), (3, 1, 3, 3)]),
    "conv2d-same-even-span": (lambda x, k, b: F.conv2d(x, k, b, padding="same", dilation=(1, 2)), [(2, 2, 5, 6), (3, 2, 2, 3), (3,)]),
    "conv1d-same": (lambda x, k: F.conv1d(x, k, padding="same", dilation=3), [(2, 2, 8), (2, 2, 2)]),
    "conv1d-valid": (lambda x, k: F.conv1d(x, k, padding="valid"), [(1, 2, 6), (3, 2, 4)]),
    "conv1d": (lambda x, k, b: F.conv1d(x, k, b, stride=2, padding=1, dilation=2, groups=2), [(2, 4, 9), (6, 2, 3), (6,)]),
    "conv1d-unbatched": (lambda x, k: F.conv1d(x.unsqueeze(0), k).squeeze(0), [(3, 7), (2, 3, 2)]),
    "conv_transpose2d": (lambda x, k, b: F.conv_transpose2d(x, k, b, stride=2, padding=1, output_padding=1), [(2, 3, 3, 4), (3, 2, 3, 3), (2,)]),
    "conv_transpose2d-groups-dilation": (lambda x, k: F.conv_transpose2d(x, k, stride=(1, 2), padding=(0, 1), output_padding=(1, 0), groups=2, dilation=(2, 1)), [(1, 4, 3, 3), (4, 3, 2, 3)]),
    "conv_transpose2d-unbatched": (lambda x, k: F.conv_transpose2d(x.unsqueeze(0), k, stride=3).squeeze(0), [(2, 2, 3), (2, 1, 2, 2)]),
    "maxpool2d-batched": (lambda x: F.max_pool2d(x, (2, 3), stride=(2, 1), padding=(1, 1)), [(2, 3, 5, 6)]),
    "avgpool2d-batched": (lambda x: F.avg_pool2d(x, 3, stride=2, padding=1, count_include_pad=True), [(2, 2, 6, 5)]),
    "maxpool1d": (lambda x: F.max_pool1d(x, 3, stride=2, padding=1), [(2, 3, 8)]),
    "avgpool1d": (lambda x: F.avg_pool1d(x, 2, count_include_pad=True), [(3, 7)]),
    "upsample": (lambda x: F.interpolate(x, scale_factor=(2, 3), mode="nearest"), [(2, 2, 2, 3)]),
}


def flat(t):
    return {"shape": list(t.shape), "data": t.detach().reshape(-1).tolist()}


def case(name, f, shapes):
    torch.manual_seed(zlib.crc32(name.encode()))  # each case its own draw: adding a case changes no other
    inputs = [rand(*s).requires_grad_() for s in shapes]
    y = f(*inputs)
    w = rand(*y.shape)
    first = torch.autograd.grad((w * y).sum(), inputs, create_graph=True)
    v = [rand(*s) for s in shapes]
    l2 = sum((vi * gi).sum() for vi, gi in zip(v, first))
    second = torch.autograd.grad(l2, inputs, allow_unused=True) if l2.requires_grad else [None] * len(inputs)
    second = [torch.zeros_like(x) if g is None else g for x, g in zip(inputs, second)]
    return {
        "inputs": [flat(x) for x in inputs],
        "output": flat(y),
        "w": flat(w),
        "v": [flat(t) for t in v],
        "grads": [flat(g) for g in first],
        "second": [flat(g) for g in second],
    }


# One case a line, so that a change shows as the cases it touches.
lines = [f" {json.dumps(name)}: {json.dumps(case(name, f, shapes), separators=(',', ':'))}" for name, (f, shapes) in CASES.items()]
print('{"torch": %s, "cases": {\n%s\n}}' % (json.dumps(torch.__version__), ",\n".join(lines)))
