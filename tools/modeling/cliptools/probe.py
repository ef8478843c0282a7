"""Linear probe: multinomial logistic regression on frozen embeddings, fitted with L-BFGS as in the CLIP paper."""
from typing import Sequence

import torch
from torch.nn import functional as F


def fit_logistic_regression(features: torch.Tensor, labels: torch.Tensor, classes: int,
                            l2: float, iterations: int = 200) -> torch.Tensor:
    """Weights [dim + 1, classes] (last row: bias) minimising mean cross-entropy + l2 * |W|^2."""
    inputs = torch.cat([features, torch.ones(features.shape[0], 1)], dim=1)
    weights = torch.zeros(inputs.shape[1], classes, requires_grad=True)
    optimizer = torch.optim.LBFGS([weights], lr=1, max_iter=iterations, line_search_fn="strong_wolfe")

    def closure():
        optimizer.zero_grad()
        loss = F.cross_entropy(inputs @ weights, labels) + l2 * weights[:-1].pow(2).sum()
        loss.backward()
        return loss

    optimizer.step(closure)
    return weights.detach()


def predict(weights: torch.Tensor, features: torch.Tensor) -> torch.Tensor:
    """Class index per row."""
    return (torch.cat([features, torch.ones(features.shape[0], 1)], dim=1) @ weights).argmax(dim=1)


def linear_probe(train_x: torch.Tensor, train_y: torch.Tensor, test_x: torch.Tensor, test_y: torch.Tensor,
                 classes: int, l2_values: Sequence[float] = (1e-5, 1e-4, 1e-3, 1e-2)) -> dict:
    """Choose the L2 penalty on a validation quarter of the training split, refit on all of it, report test
    top-1 accuracy."""
    count = train_x.shape[0]
    split = count * 3 // 4
    best = max(l2_values, key=lambda l2: _accuracy(
        fit_logistic_regression(train_x[:split], train_y[:split], classes, l2), train_x[split:], train_y[split:]))
    weights = fit_logistic_regression(train_x, train_y, classes, best)
    return {"top1": _accuracy(weights, test_x, test_y), "l2": best}


def _accuracy(weights: torch.Tensor, features: torch.Tensor, labels: torch.Tensor) -> float:
    return (predict(weights, features) == labels).float().mean().item()
