"""Independent reference numbers for the article's 2-3-2 example (Article.java).

Written straight from the article's formulas with plain Python floats, then confirmed with
PyTorch autograd in float64 where PyTorch is installed. The JUnit test ArticleNetworkTest
pastes the printed values. Run: /usr/bin/python3 src/test/python/reference/article_reference.py
"""
import math

x = [0.5, 0.8]
t = [1.0, 0.0]
w = [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]]
b1 = [0.1, 0.2, -0.1]
u = [[0.7, -0.8], [0.9, 0.1], [-0.2, 0.3]]
b2 = [0.2, -0.3]


def sigma(z):
    return 1.0 / (1.0 + math.exp(-z))


a1 = [sum(x[i] * w[i][j] for i in range(2)) + b1[j] for j in range(3)]
h = [sigma(v) for v in a1]
a2 = [sum(h[i] * u[i][j] for i in range(3)) + b2[j] for j in range(2)]
y = [sigma(v) for v in a2]
L = 0.5 * sum((y[j] - t[j]) ** 2 for j in range(2))

# Output layer: dL/du_ij = (y_j - t_j) y_j (1 - y_j) h_i = delta_j h_i
delta2 = [(y[j] - t[j]) * y[j] * (1 - y[j]) for j in range(2)]
du = [[delta2[j] * h[i] for j in range(2)] for i in range(3)]
db2 = delta2
# Hidden layer: dL/dh_j = sum_k delta_k u_jk ; dL/dw_ij = dL/dh_j h_j (1 - h_j) x_i
dLdh = [sum(delta2[k] * u[j][k] for k in range(2)) for j in range(3)]
delta1 = [dLdh[j] * h[j] * (1 - h[j]) for j in range(3)]
dw = [[delta1[j] * x[i] for j in range(3)] for i in range(2)]
db1 = delta1


def show(name, values):
    print(name, "=", ", ".join(repr(v) for v in values))


show("a1", a1)
show("h", h)
show("a2", a2)
show("y", y)
show("L", [L])
show("delta2", delta2)
show("delta1", delta1)
show("dLdh", dLdh)
show("dw (row by row)", [v for row in dw for v in row])
show("db1", db1)
show("du (row by row)", [v for row in du for v in row])
show("db2", db2)

try:
    import torch
except ImportError:
    print("PyTorch not installed: skipped the autograd cross-check")
else:
    T = lambda v: torch.tensor(v, dtype=torch.float64, requires_grad=True)
    tw, tb1, tu, tb2 = T(w), T(b1), T(u), T(b2)
    ty = torch.sigmoid(torch.sigmoid(torch.tensor(x, dtype=torch.float64) @ tw + tb1) @ tu + tb2)
    tl = 0.5 * ((ty - torch.tensor(t, dtype=torch.float64)) ** 2).sum()
    tl.backward()
    worst = max(
        (tw.grad - torch.tensor(dw, dtype=torch.float64)).abs().max().item(),
        (tu.grad - torch.tensor(du, dtype=torch.float64)).abs().max().item(),
        (tb1.grad - torch.tensor(db1, dtype=torch.float64)).abs().max().item(),
        (tb2.grad - torch.tensor(db2, dtype=torch.float64)).abs().max().item(),
        abs(tl.item() - L),
    )
    print("PyTorch autograd agrees to", worst)
