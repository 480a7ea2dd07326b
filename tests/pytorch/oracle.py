#!/usr/bin/python3
"""PyTorch (float64) reference values for the expression language.

Run by hand with Debian's python3-torch (`apt-get install python3-torch`; Debian's own
/usr/bin/python3) whenever an operation is added:

    /usr/bin/python3 tests/pytorch/oracle.py

It writes tests/Grader.Domain.Tests/Expressions/PyTorchCases.json: for each case, the inputs,
the expression in Grader's language, PyTorch's value of it, the gradient of Σ w·y (w fixed weights)
with respect to each differentiable input, and for some cases the second gradient
∂/∂x Σ v·∂(Σ w·y)/∂x (create_graph=True). `PyTorchOracleTests` keys each case through an
assignment and compares, so CI needs no PyTorch.
"""
import json
import math
import os

import torch
import torch.nn.functional as F

torch.manual_seed(19)
D = torch.float64


def rnd(*shape, lo=-2.0, hi=2.0):
    return (torch.rand(*shape, dtype=D) * (hi - lo) + lo)


def distinct(*shape):
    n = math.prod(shape)
    return (torch.randperm(n, dtype=D) * 0.37 - n * 0.15).reshape(shape)


CASES = []


def case(name, inputs, expr, f, second=(), constants=()):
    """inputs: name -> tensor; expr: Grader's expression; f: the same in PyTorch; second: inputs
    whose second gradient is checked; constants: inputs that take no gradient (indices, masks)."""
    CASES.append((name, inputs, expr, f, second, constants))


# Broadcasting, comparisons, where, minimum, batched matmul
case("broadcast-add-mul", {"X": rnd(3, 4), "b": rnd(4), "c": rnd(3, 1)}, "(X + b) * c", lambda X, b, c: (X + b) * c, second=("b",))
case("broadcast-pow", {"a": rnd(2, 1, lo=0.5, hi=2), "p": rnd(3)}, "a ^ p", lambda a, p: a ** p, second=("a", "p"))
case("where-compare", {"x": distinct(2, 3)}, "where(x > 0, x^2, -x)", lambda x: torch.where(x > 0, x ** 2, -x), second=("x",))
case("minimum", {"a": distinct(3, 2), "b": rnd(2) + 0.0123}, "minimum(a, b)", lambda a, b: torch.minimum(a, b))
case("batched-matmul", {"A": rnd(2, 3, 4), "B": rnd(2, 4, 2)}, "A @ B", lambda A, B: A @ B, second=("A",))
case("batched-matmul-broadcast", {"A": rnd(2, 1, 3, 4), "B": rnd(3, 4, 2)}, "A @ B", lambda A, B: A @ B)
case("batched-matmul-vector", {"A": rnd(2, 3, 4), "v": rnd(4)}, "A @ v", lambda A, v: A @ v)

# Reductions along axes
case("sum-axis", {"x": rnd(2, 3, 4)}, "sum(x, axis=[0, 2], keepdims=true)", lambda x: x.sum(dim=(0, 2), keepdim=True))
case("mean-axis", {"x": rnd(3, 4)}, "mean(x, dim=-1)", lambda x: x.mean(dim=-1))
case("max-axis", {"x": distinct(3, 4)}, "max(x, axis=1)", lambda x: x.max(dim=1).values)
case("min-axis", {"x": distinct(3, 4)}, "min(x, axis=0, keepdims=true)", lambda x: x.min(dim=0, keepdim=True).values)
case("var-axis", {"x": rnd(4, 3)}, "var(x, axis=0)", lambda x: x.var(dim=0, unbiased=False), second=("x",))
case("var-unbiased", {"x": rnd(4, 3)}, "var(x, axis=1, unbiased=true)", lambda x: x.var(dim=1, unbiased=True))
case("std-axis", {"x": rnd(4, 3)}, "std(x, axis=0)", lambda x: x.std(dim=0, unbiased=False), second=("x",))
case("logsumexp", {"x": rnd(3, 4)}, "logsumexp(x, axis=1)", lambda x: torch.logsumexp(x, dim=1), second=("x",))
case("prod-axis", {"x": rnd(3, 4)}, "prod(x, axis=1)", lambda x: x.prod(dim=1), second=("x",))
case("softmax-axis0", {"x": rnd(3, 4)}, "softmax(x, axis=0)", lambda x: torch.softmax(x, dim=0), second=("x",))
case("log-softmax-last", {"x": rnd(3, 4)}, "log_softmax(x)", lambda x: torch.log_softmax(x, dim=-1), second=("x",))

# Activations
case("gelu", {"x": rnd(7, lo=-3, hi=3)}, "gelu(x)", lambda x: F.gelu(x), second=("x",))
case("gelu-tanh", {"x": rnd(7, lo=-3, hi=3)}, "gelu(x, approximate=\"tanh\")", lambda x: F.gelu(x, approximate="tanh"), second=("x",))
case("softplus", {"x": rnd(7, lo=-5, hi=5)}, "softplus(x, beta=2)", lambda x: F.softplus(x, beta=2), second=("x",))
case("softplus-threshold", {"x": torch.tensor([-30.0, -1.0, 0.5, 10.0, 21.0, 40.0], dtype=D)}, "softplus(x)", lambda x: F.softplus(x))
case("silu", {"x": rnd(7, lo=-4, hi=4)}, "silu(x)", lambda x: F.silu(x), second=("x",))
case("hardtanh", {"x": torch.tensor([-2.0, -1.0, -0.5, 0.3, 1.0, 1.7], dtype=D)}, "hardtanh(x)", lambda x: F.hardtanh(x))
case("log-sigmoid", {"x": rnd(7, lo=-30, hi=30)}, "log_sigmoid(x)", lambda x: F.logsigmoid(x), second=("x",))
case("tanh-second", {"x": rnd(5)}, "tanh(x)", lambda x: torch.tanh(x), second=("x",))
case("sigmoid-second", {"x": rnd(5)}, "sigmoid(x)", lambda x: torch.sigmoid(x), second=("x",))

# Layers as functions
case("linear", {"x": rnd(4, 3), "W": rnd(2, 3), "b": rnd(2)}, "linear(x, W, b)", lambda x, W, b: F.linear(x, W, b), second=("W",))
case("batchnorm-2d", {"x": rnd(5, 3), "gamma": rnd(3), "beta": rnd(3)}, "batchnorm(x, gamma, beta)",
     lambda x, gamma, beta: F.batch_norm(x, None, None, gamma, beta, training=True, eps=1e-5), second=("x",))
case("batchnorm-4d", {"x": rnd(2, 3, 2, 2), "gamma": rnd(3), "beta": rnd(3)}, "batchnorm(x, gamma, beta, eps=1e-3)",
     lambda x, gamma, beta: F.batch_norm(x, None, None, gamma, beta, training=True, eps=1e-3))
case("layernorm", {"x": rnd(3, 4), "gamma": rnd(4), "beta": rnd(4)}, "layernorm(x, gamma, beta)",
     lambda x, gamma, beta: F.layer_norm(x, (4,), gamma, beta, eps=1e-5), second=("x", "gamma"))
case("dropout", {"x": rnd(2, 4), "mask": torch.tensor([[1.0, 0, 1, 1], [0, 1, 1, 0]], dtype=D)}, "dropout(x, mask, 0.25)",
     lambda x, mask: x * mask / 0.75, constants=("mask",))

# Losses
t3 = torch.tensor([2.0, 0.0, 1.0, 2.0], dtype=D)
case("cross-entropy-mean", {"z": rnd(4, 3), "t": t3}, "cross_entropy(z, t)", lambda z, t: F.cross_entropy(z, t.long()), second=("z",), constants=("t",))
case("cross-entropy-sum", {"z": rnd(4, 3), "t": t3}, "cross_entropy(z, t, reduction=\"sum\")", lambda z, t: F.cross_entropy(z, t.long(), reduction="sum"), constants=("t",))
case("cross-entropy-none", {"z": rnd(4, 3), "t": t3}, "cross_entropy(z, t, reduction=\"none\")", lambda z, t: F.cross_entropy(z, t.long(), reduction="none"), constants=("t",))
case("nll-loss", {"z": rnd(4, 3), "t": t3}, "nll_loss(log_softmax(z), t)", lambda z, t: F.nll_loss(torch.log_softmax(z, -1), t.long()), constants=("t",))
case("mse-loss", {"p": rnd(3, 2), "q": rnd(3, 2)}, "mse_loss(p, q)", lambda p, q: F.mse_loss(p, q), second=("p",))
case("mse-loss-none", {"p": rnd(3, 2), "q": rnd(3, 2)}, "mse_loss(p, q, reduction=\"none\")", lambda p, q: F.mse_loss(p, q, reduction="none"))
case("bce-with-logits", {"x": rnd(5, lo=-4, hi=4), "t": torch.tensor([0.0, 1, 1, 0, 0.3], dtype=D)}, "bce_with_logits(x, t)",
     lambda x, t: F.binary_cross_entropy_with_logits(x, t), second=("x",))

# A gradient penalty: ‖∂(Σ w·tanh(W x))/∂x‖², differentiated with respect to W.
case("gradient-penalty", {"W": rnd(3, 2), "x": rnd(2)}, "sum(grad(sum(tanh(W @ x)), x)^2)",
     lambda W, x: (torch.autograd.grad(torch.tanh(W @ x).sum(), x, create_graph=True)[0] ** 2).sum())


# Kinks and edges found by a parity sweep (2026-12-06): each differed from PyTorch before.
z0 = torch.tensor([-1.0, 0.0, 0.5, 0.0, -0.2], dtype=D)
case("elu-kink-second", {"x": z0}, "elu(x)", lambda x: F.elu(x), second=("x",))
case("elu-alpha-kink-second", {"x": z0}, "elu(x, alpha=0.5)", lambda x: F.elu(x, alpha=0.5), second=("x",))
case("softplus-at-threshold-second", {"x": torch.tensor([1.0, 0.5, 2.0, -1.0, 1.0], dtype=D)}, "softplus(x, threshold=1)",
     lambda x: F.softplus(x, threshold=1), second=("x",))
case("softplus-beta-at-threshold-second", {"x": torch.tensor([10.0, 1.0, 9.0, 11.0], dtype=D)}, "softplus(x, beta=2)",
     lambda x: F.softplus(x, beta=2), second=("x",))
case("std-zero-variance", {"x": torch.tensor([[2.0, 2.0, 2.0], [1.0, 2.0, 4.0]], dtype=D)}, "std(x, axis=1)", lambda x: x.std(dim=1, unbiased=False))
case("std-zero-variance-unbiased", {"x": torch.tensor([[2.0, 2.0, 2.0], [1.0, 2.0, 4.0]], dtype=D)}, "std(x, axis=1, unbiased=true)", lambda x: x.std(dim=1, unbiased=True))
case("std-whole-constant", {"x": torch.tensor([3.0, 3.0, 3.0, 3.0], dtype=D)}, "std(x)", lambda x: x.std(unbiased=False))
case("pow-zero-exponent-second", {"a": torch.tensor([0.0, -2.0, 1.5], dtype=D)}, "a ^ 0", lambda a: a ** 0, second=("a",))
case("pow-mixed-zero-exponent-second", {"a": torch.tensor([0.0, 2.0, 0.5], dtype=D), "p": torch.tensor([0.0, 3.0, 2.0], dtype=D)}, "a ^ p",
     lambda a, p: a ** p, constants=("p",))  # no second: with a tensor exponent PyTorch's is NaN at a = 0 (0·∞ in its where), Grader's 0
case("max-several-axes-ties", {"x": torch.tensor([[1.0, 3.0], [3.0, 2.0]], dtype=D)}, "max(x, axis=[0, 1])", lambda x: torch.amax(x, dim=(0, 1)))
case("max-several-axes-ties-3d", {"x": torch.tensor([[[5.0, 5.0], [0.0, 5.0]], [[1.0, 2.0], [2.0, 0.5]]], dtype=D)}, "max(x, axis=[1, 2], keepdims=true)",
     lambda x: torch.amax(x, dim=(1, 2), keepdim=True))
case("min-several-axes-ties", {"x": torch.tensor([[[1.0, 0.0], [0.0, 2.0], [4.0, 0.0]]], dtype=D)}, "min(x, dim=[0, 1])", lambda x: torch.amin(x, dim=(0, 1)))
tk = torch.tensor([[2.0, 0.0, 1.0, 2.0], [1.0, 1.0, 0.0, 2.0]], dtype=D)
case("cross-entropy-kdim-index", {"z": rnd(2, 3, 4), "t": tk}, "cross_entropy(z, t)", lambda z, t: F.cross_entropy(z, t.long()), second=("z",), constants=("t",))
case("cross-entropy-kdim-index-none", {"z": rnd(2, 3, 4), "t": tk}, "cross_entropy(z, t, reduction=\"none\")",
     lambda z, t: F.cross_entropy(z, t.long(), reduction="none"), constants=("t",))
case("cross-entropy-kdim-probabilities", {"z": rnd(2, 3, 2, 2), "t": torch.softmax(rnd(2, 3, 2, 2), dim=1)}, "cross_entropy(z, t)",
     lambda z, t: F.cross_entropy(z, t), second=("z",), constants=("t",))
case("cross-entropy-3d-one-hot", {"z": torch.tensor([[[1.0, 2.0], [3.0, 4.0]]], dtype=D), "t": torch.tensor([[[1.0, 0.0], [0.0, 1.0]]], dtype=D)},
     "cross_entropy(z, t, reduction=\"sum\")", lambda z, t: F.cross_entropy(z, t, reduction="sum"), constants=("t",))
case("nll-loss-kdim", {"z": rnd(2, 3, 4), "t": tk}, "nll_loss(log_softmax(z, axis=1), t)",
     lambda z, t: F.nll_loss(torch.log_softmax(z, 1), t.long()), constants=("t",))
case("bce-at-0-and-1", {"p": torch.tensor([0.0, 1.0, 0.5, 1e-50, 1.0 - 1e-13, 0.25], dtype=D), "t": torch.tensor([0.0, 1.0, 1.0, 1.0, 0.0, 0.75], dtype=D)},
     "bce(p, t)", lambda p, t: F.binary_cross_entropy(p, t), constants=("t",))
case("bce-none", {"p": torch.tensor([0.0, 0.3, 1.0], dtype=D), "t": torch.tensor([1.0, 0.2, 0.0], dtype=D)},
     "bce(p, t, reduction=\"none\")", lambda p, t: F.binary_cross_entropy(p, t, reduction="none"), constants=("t",))
case("bce-second", {"p": torch.tensor([0.2, 0.7, 0.5], dtype=D), "t": torch.tensor([0.0, 1.0, 0.3], dtype=D)},
     "bce(p, t, reduction=\"sum\")", lambda p, t: F.binary_cross_entropy(p, t, reduction="sum"), second=("p",))


# PyTorch's names added after the sweep: clamp, sign, l1_loss, smooth_l1_loss, huber_loss (differences at and around each kink).
pk = torch.tensor([0.5, 1.0, -2.0, 0.25, 3.0, 0.2], dtype=D)
qk = torch.tensor([0.5, 0.0, -0.5, 1.25, 1.0, 0.0], dtype=D)
case("l1-loss", {"p": pk, "q": qk}, "l1_loss(p, q)", lambda p, q: F.l1_loss(p, q), second=("p",))
case("l1-loss-none", {"p": pk, "q": qk}, "l1_loss(p, q, reduction=\"none\")", lambda p, q: F.l1_loss(p, q, reduction="none"))
case("smooth-l1-loss", {"p": pk, "q": qk}, "smooth_l1_loss(p, q)", lambda p, q: F.smooth_l1_loss(p, q), second=("p", "q"))
case("smooth-l1-loss-beta", {"p": pk, "q": qk}, "smooth_l1_loss(p, q, reduction=\"sum\", beta=1.5)", lambda p, q: F.smooth_l1_loss(p, q, reduction="sum", beta=1.5), second=("p",))
case("smooth-l1-loss-beta-0", {"p": pk, "q": qk}, "smooth_l1_loss(p, q, beta=0)", lambda p, q: F.smooth_l1_loss(p, q, beta=0.0))
case("huber-loss", {"p": pk, "q": qk}, "huber_loss(p, q)", lambda p, q: F.huber_loss(p, q), second=("p", "q"))
case("huber-loss-delta", {"p": pk, "q": qk}, "huber_loss(p, q, reduction=\"none\", delta=2)", lambda p, q: F.huber_loss(p, q, reduction="none", delta=2.0), second=("p",))
xk = torch.tensor([-1.0, -0.5, 0.0, 0.3, 0.7, 2.0], dtype=D)
case("clamp", {"x": xk}, "clamp(x, -0.5, 0.3)", lambda x: torch.clamp(x, -0.5, 0.3))
case("clamp-min", {"x": xk}, "clamp(x, min=-0.5)", lambda x: torch.clamp(x, min=-0.5))
case("clamp-max", {"x": xk}, "clamp(x, max=0.3)", lambda x: torch.clamp(x, max=0.3))
case("sign", {"x": xk}, "sign(x) * x^2", lambda x: torch.sign(x) * x ** 2, second=("x",))


# A second sweep (compositions): a list literal of expressions keeps its gradient (torch.stack); axis=[] reduces every axis (dim=[]).
case("list-literal-rotation", {"th": torch.tensor(0.3, dtype=D), "x": torch.tensor([1.0, 2.0], dtype=D)},
     "[[cos(th), -sin(th)], [sin(th), cos(th)]] @ x",
     lambda th, x: torch.stack([torch.stack([torch.cos(th), -torch.sin(th)]), torch.stack([torch.sin(th), torch.cos(th)])]) @ x, second=("th",))
case("list-literal-mixed", {"a": torch.tensor(1.5, dtype=D), "b": rnd(2)}, "[a, 2, b[1] * a]", lambda a, b: torch.stack([a, torch.tensor(2.0, dtype=D), b[1] * a]), second=("a",))
A2 = torch.tensor([[1.5, -2.0, 3.0], [4.0, 5.0, -6.0]], dtype=D)
case("sum-empty-axes", {"A": A2}, "sum(A, axis=[])", lambda A: A.sum(dim=[]))
case("sum-empty-axes-keepdims", {"A": A2}, "sum(A, axis=[], keepdims=true)", lambda A: A.sum(dim=[], keepdim=True))
case("mean-empty-axes", {"A": A2}, "mean(A, dim=[])", lambda A: A.mean(dim=[]))
# The value only: PyTorch 1.13's var backward with dim=[] divides by the product of the listed sizes (1), not by the 6 it averaged over.
case("var-empty-axes", {"A": A2, "s": torch.tensor(1.5, dtype=D)}, "var(A, axis=[]) * s", lambda A, s: A.var(dim=[], unbiased=False) * s, constants=("A",))
case("max-empty-axes", {"A": A2}, "max(A, axis=[])", lambda A: torch.amax(A, dim=[]))


# A third sweep (2026-12-06): PyTorch's own keyword names, which the contract's dim=/keepdim= rule
# extends to every function (concat and stack refused dim= before).
y3 = rnd(2, 3, 4)
case("concat-dim-keyword", {"a": rnd(2, 3), "b": rnd(2, 1)}, "concat([a, b], dim=-1)", lambda a, b: torch.cat([a, b], dim=-1), second=("b",))
case("stack-dim-keyword", {"a": rnd(2, 3), "b": rnd(2, 3)}, "stack([a, b], dim=1)", lambda a, b: torch.stack([a, b], dim=1))
case("transpose-dim0-dim1", {"y": y3}, "transpose(y, dim0=0, dim1=-1)", lambda y: torch.transpose(y, dim0=0, dim1=-1))
case("leaky-relu-negative-slope", {"x": z0}, "leaky_relu(x, negative_slope=0.2)", lambda x: F.leaky_relu(x, negative_slope=0.2))
case("conv2d-weight-bias-keywords", {"x": rnd(1, 2, 5, 5), "k": rnd(3, 2, 2, 2), "b": rnd(3)}, "conv2d(x, weight=k, bias=b, stride=2)",
     lambda x, k, b: F.conv2d(x, weight=k, bias=b, stride=2))
case("linear-bias-keyword", {"x": rnd(4, 3), "W": rnd(2, 3), "b": rnd(2)}, "linear(x, weight=W, bias=b)", lambda x, W, b: F.linear(x, weight=W, bias=b))
case("layernorm-weight-bias-keywords", {"x": rnd(3, 4), "g": rnd(4), "b": rnd(4)}, "layernorm(x, weight=g, bias=b, eps=1e-3)",
     lambda x, g, b: F.layer_norm(x, (4,), weight=g, bias=b, eps=1e-3))
case("maxpool2d-kernel-size", {"x": rnd(1, 2, 5, 5)}, "maxpool2d(x, kernel_size=2, stride=1)", lambda x: F.max_pool2d(x, kernel_size=2, stride=1))
case("upsample-scale-factor", {"x": rnd(1, 1, 2, 3)}, "upsample(x, scale_factor=2)", lambda x: F.interpolate(x, scale_factor=2, mode="nearest"))
case("onehot-num-classes", {"i": torch.tensor([0.0, 2.0, 1.0], dtype=D), "s": rnd(4)}, "onehot(i, num_classes=4) * s",
     lambda i, s: F.one_hot(i.long(), num_classes=4).to(D) * s, constants=("i",))
case("cross-entropy-input-target", {"z": rnd(4, 3), "t": t3}, "cross_entropy(input=z, target=t)", lambda z, t: F.cross_entropy(input=z, target=t.long()), constants=("t",))

# F.batch_norm takes any rank from 2 (BatchNorm3d's (N, C, D, H, W)); the rank was capped at 4.
case("batchnorm-5d", {"x": rnd(2, 2, 2, 3, 2), "gamma": rnd(2), "beta": rnd(2)}, "batchnorm(x, gamma, beta)",
     lambda x, gamma, beta: F.batch_norm(x, None, None, gamma, beta, training=True), second=("x", "gamma"))

# A 0-d tensor takes dim 0 or -1 in PyTorch (its one element); they were refused ("a scalar has no axis 0").
sc = torch.tensor(1.25, dtype=D)
case("scalar-reductions-along-axis-0", {"s": sc}, "sum(s, axis=0) + max(s, dim=-1) * s + logsumexp(s, 0, keepdims=true) + prod(s, -1) ^ 2 + argmax(s, 0)",
     lambda s: s.sum(0) + s.max(-1).values * s + torch.logsumexp(s, 0, keepdim=True) + s.prod(-1) ** 2 + torch.argmax(s, 0), second=("s",))

# transpose(x) of rank 3 or more refused ("needs a matrix"); PyTorch 1.13's x.T reverses every axis. transpose(s, 0, -1) of a 0-d s is s.
case("transpose-no-axes-3d", {"y": y3}, "transpose(y)", lambda y: y.permute(2, 1, 0), second=("y",))
case("transpose-scalar-0-minus-1", {"s": sc}, "transpose(s, 0, -1) * s", lambda s: torch.transpose(s, 0, -1) * s, second=("s",))

# hardtanh with min_val above max_val was refused; F.hardtanh gives max_val everywhere, with no gradient.
case("hardtanh-min-above-max", {"x": torch.tensor([-3.0, -2.0, 0.0, 1.0, 3.0], dtype=D)}, "hardtanh(x, max_val=-2) * x",
     lambda x: F.hardtanh(x, max_val=-2.0) * x, second=("x",))

# PyTorch calls as written in Python: tuples for sizes and axes, None for an argument left at its default (both were syntax errors or unknown names).
case("python-tuples-and-none", {"x": rnd(2, 2, 5, 4), "k": rnd(3, 2, 2, 2)}, "sum(conv2d(x, k, None, stride=(2, 1), padding=(1, 0)), dim=(0, 2), keepdim=True)",
     lambda x, k: F.conv2d(x, k, None, stride=(2, 1), padding=(1, 0)).sum(dim=(0, 2), keepdim=True), second=("x", "k"))
case("python-none-defaults", {"x": rnd(1, 1, 4, 4)}, "maxpool2d(x, 2, stride=None) * clamp(x[:, :, ::2, ::2], None, 0.5) + argmax(x, None)",
     lambda x: F.max_pool2d(x, 2, stride=None) * torch.clamp(x[:, :, ::2, ::2], None, 0.5) + torch.argmax(x, None), second=("x",))

# torch.var(input, dim, unbiased, keepdim): the third positional argument is unbiased (it was keepdims here).
case("var-positional-unbiased", {"x": rnd(3, 4)}, "var(x, 0, True) + std(x, 1, True, True)", lambda x: torch.var(x, 0, True) + torch.std(x, 1, True, True), second=("x",))

# A comparison as an index is PyTorch's bool mask (x[x > 0] picks where it holds); it was read as
# positions 0 and 1, a silently wrong key.
xm = torch.tensor([[1.0, -2.0, 3.0], [-4.0, 5.0, 6.0]], dtype=D)
case("bool-mask-index", {"x": xm}, "x[x > 0] ^ 2", lambda x: x[x > 0] ** 2, second=("x",))
case("bool-mask-rows", {"x": xm}, "x[x[:, 0] > 0]", lambda x: x[x[:, 0] > 0])
ym = torch.tensor([[[0.5, 1.0, -1.0, 2.0], [-0.5, 3.0, 0.0, 1.0], [2.0, -2.0, 1.0, 0.5]],
                   [[-1.0, 0.5, 2.0, -3.0], [1.5, 1.0, -0.5, 2.5], [0.0, 4.0, 1.0, -1.0]]], dtype=D)
case("bool-mask-2d-over-3d", {"y": ym}, "y[y[:, :, 0] > 0]", lambda y: y[y[:, :, 0] > 0], second=("y",))
case("bool-mask-middle-axis-and-list", {"y": ym}, "y[:, y[0, :, 0] > -0.2, [1, 3]]", lambda y: y[:, y[0, :, 0] > -0.2, torch.tensor([1, 3])])
case("bool-mask-apart-from-list", {"y": ym}, "y[y[:, 0, 0] != 0, :, [3, 0]]", lambda y: y[y[:, 0, 0] != 0, :, torch.tensor([3, 0])])

# torch.clamp with tensor bounds (broadcast, each bound taking its gradient; max wins where min > max): they were refused ("expected a number").
xc = torch.tensor([-3.0, 0.0, 2.0, 1.0, 5.0, 0.5], dtype=D)
case("clamp-tensor-bounds", {"x": xc, "lo": torch.tensor([-1.0, 0.0, 3.0, 1.0, 0.0, 2.0], dtype=D), "hi": torch.tensor([0.0, 0.0, 4.0, 1.0, 5.0, 1.0], dtype=D)},
     "clamp(x, lo, hi) ^ 2", lambda x, lo, hi: torch.clamp(x, lo, hi) ** 2, second=("x", "lo", "hi"))
case("clamp-tensor-min-broadcast", {"x": rnd(3, 1), "lo": torch.tensor([-0.5, 0.0, 0.5, 1.0], dtype=D)}, "clamp(x, lo)", lambda x, lo: torch.clamp(x, lo), second=("x",))
case("clip-0d-tensor-bound", {"x": xc, "a": torch.tensor(0.5, dtype=D)}, "clip(x, -1, a) * a", lambda x, a: torch.clamp(x, torch.tensor(-1.0, dtype=D), a) * a, second=("a",))

# Two comparisons combine as PyTorch's bools: + is or (True + True is True; it gave 2), * is and, and the result still indexes as a mask.
case("bool-or-and", {"x": xm}, "((x > 0) + (x > 2)) * x + ((x < 0) * (x > -3)) * x ^ 2", lambda x: ((x > 0) + (x > 2)) * x + ((x < 0) * (x > -3)) * x ** 2, second=("x",))
case("bool-and-mask-index", {"x": xm}, "x[(x > 0) * (x < 5)]", lambda x: x[(x > 0) * (x < 5)], second=("x",))

# torch.zeros(2, 3) and torch.ones(2, 3) take the sizes one by one ("takes at most 1 argument" before).
case("zeros-ones-sizes-one-by-one", {"x": rnd(2, 3)}, "ones(2, 3) * x + zeros(1, 3)", lambda x: torch.ones(2, 3, dtype=D) * x + torch.zeros(1, 3, dtype=D), second=("x",))

# torch.norm(x, dim=..., keepdim=...) (row norms) was refused ("norm has no argument 'dim'"); a zero row's gradient is 0.
case("norm-along-axis", {"x": rnd(4, 3)}, "norm(x, dim=1) + norm(x, 0, True)[0, :2] @ [1, 2]", lambda x: torch.norm(x, dim=1) + torch.norm(x, dim=0, keepdim=True)[0, :2] @ torch.tensor([1.0, 2.0], dtype=D), second=("x",))
case("norm-along-axis-zero-row", {"x": torch.tensor([[3.0, 4.0, 0.0], [0.0, 0.0, 0.0]], dtype=D)}, "norm(x, dim=-1)", lambda x: torch.linalg.norm(x, dim=-1))


def nested(t):
    if t._is_zerotensor():  # PyTorch's storage-less zeros (sign's and abs's second derivatives)
        return torch.zeros(t.shape, dtype=D).tolist()
    return t.detach().tolist()


out = []
for name, inputs, expr, f, second, constants in CASES:
    leaves = {k: v.clone().requires_grad_(k not in constants) for k, v in inputs.items()}
    y = f(**leaves)
    w = (torch.arange(y.numel(), dtype=D).reshape(y.shape) % 5 + 1) / 4
    loss = (y * w).sum()
    grads = {}
    diffable = [k for k in inputs if k not in constants]
    g = torch.autograd.grad(loss, [leaves[k] for k in diffable], create_graph=True, allow_unused=True)
    for k, gk in zip(diffable, g):
        grads[k] = nested(gk if gk is not None else torch.zeros_like(inputs[k]))
    seconds = {}
    for k in second:
        gk = g[diffable.index(k)]
        v = (torch.arange(gk.numel(), dtype=D).reshape(gk.shape) % 3 + 1) / 2
        h = (gk * v).sum()
        # A gradient that PyTorch builds as a constant (a^0's zeros) has a second derivative of 0.
        hk = torch.autograd.grad(h, [leaves[j] for j in diffable], allow_unused=True, retain_graph=True) if h.requires_grad else [None] * len(diffable)
        seconds[k] = {j: nested(hj if hj is not None else torch.zeros_like(inputs[j])) for j, hj in zip(diffable, hk)}
    out.append({
        "name": name,
        "values": {k: nested(v) for k, v in inputs.items()},
        "expression": expr,
        "value": nested(y),
        "w": nested(w),
        "grads": grads,
        "second": seconds,
    })

path = os.path.join(os.path.dirname(__file__), "..", "Grader.Domain.Tests", "Expressions", "PyTorchCases.json")
with open(path, "w") as fh:
    json.dump({"torch": torch.__version__, "cases": out}, fh, indent=1)
print(f"{len(out)} cases written to {os.path.normpath(path)}")
