/* The profile plot as SVG 1.1: log-log axes with decade grid lines, the fit
 * range shaded, one thin curve per layer, the model curve, the fitted points
 * and the fitted line, and a legend with γ and R². */
#include "render_svg.h"
#include "formulas/fit.h"

#include <math.h>
#include <string.h>

#define W 760.0
#define H 500.0
#define LEFT 78.0
#define RIGHT 24.0
#define TOP 62.0
#define BOTTOM 58.0
#define MAX_LAYER_CURVES 64
#define MAX_LAYER_FITS 12
#define MAX_MARKED_POINTS 64

struct frame {
    double x0, x1, y0, y1; /* log10 ranges */
};

static double px(const struct frame *f, double d)
{
    return LEFT + (log10(d) - f->x0) / (f->x1 - f->x0) * (W - LEFT - RIGHT);
}

static double py(const struct frame *f, double A)
{
    return TOP + (f->y1 - log10(A)) / (f->y1 - f->y0) * (H - TOP - BOTTOM);
}

/* Text content and attribute values with &, <, >, " escaped; control bytes dropped. */
static void put_escaped(FILE *out, const char *s)
{
    for (; s != NULL && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        default:
            if ((unsigned char)*s >= 0x20 || *s == '\t')
                fputc(*s, out);
        }
    }
}

/* A layer's colour: hues around the wheel, dark enough on white. */
static void layer_colour(size_t l, size_t n, char *buf, size_t size)
{
    double hue = n > 1 ? 300.0 * (double)l / (double)(n - 1) : 210.0;
    snprintf(buf, size, "hsl(%.0f,65%%,45%%)", hue);
}

static int range_of(const struct taf_profile *p, struct frame *f)
{
    double dmin = INFINITY, dmax = 0, amin = INFINITY, amax = 0;
    for (size_t k = 0; k < p->n_curve; k++) {
        double d = p->curve_d[k], A = p->curve_A[k];
        if (!(d > 0) || !(A > 0) || !isfinite(A))
            continue;
        dmin = fmin(dmin, d);
        dmax = fmax(dmax, d);
        amin = fmin(amin, A);
        amax = fmax(amax, A);
    }
    if (p->layer_A != NULL && p->n_layers > 0 && p->T > 1)
        for (size_t l = 0; l < p->n_layers; l++)
            for (size_t d = 1; d < p->T; d++) {
                double A = p->layer_A[l * p->T + d];
                if (A > 0 && isfinite(A)) {
                    amin = fmin(amin, A);
                    amax = fmax(amax, A);
                }
            }
    if (!(dmax > 0) || !(amax > 0))
        return -1;
    f->x0 = floor(log10(dmin));
    f->x1 = ceil(log10(dmax));
    if (f->x1 - f->x0 < 1)
        f->x1 = f->x0 + 1;
    f->y0 = floor(log10(amin));
    f->y1 = ceil(log10(amax));
    if (f->y1 - f->y0 < 1)
        f->y1 = f->y0 + 1;
    return 0;
}

static void tick_label(FILE *out, double x, double y, const char *anchor, int e)
{
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor);
    if (e == 0)
        fputs("1", out);
    else if (e == 1)
        fputs("10", out);
    else
        fprintf(out, "10<tspan dy=\"-6\" font-size=\"9\">%d</tspan>", e);
    fputs("</text>\n", out);
}

static void axes(FILE *out, const struct frame *f)
{
    double xl = LEFT, xr = W - RIGHT, yt = TOP, yb = H - BOTTOM;
    fputs("<g stroke=\"#e4e4e4\" stroke-width=\"1\">\n", out);
    for (int e = (int)f->x0; e < (int)f->x1; e++)
        for (int m = 2; m < 10; m++) {
            double x = px(f, m * pow(10, e));
            fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", x, yt, x, yb);
        }
    for (int e = (int)f->y0; e < (int)f->y1; e++)
        for (int m = 2; m < 10; m++) {
            double y = py(f, m * pow(10, e));
            fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", xl, y, xr, y);
        }
    fputs("</g>\n<g stroke=\"#bdbdbd\" stroke-width=\"1\">\n", out);
    for (int e = (int)f->x0; e <= (int)f->x1; e++)
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", px(f, pow(10, e)), yt,
                px(f, pow(10, e)), yb);
    for (int e = (int)f->y0; e <= (int)f->y1; e++)
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", xl, py(f, pow(10, e)), xr,
                py(f, pow(10, e)));
    fputs("</g>\n", out);
    fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#555\"/>\n",
            xl, yt, xr - xl, yb - yt);
    fputs("<g font-size=\"12\" fill=\"#333\">\n", out);
    for (int e = (int)f->x0; e <= (int)f->x1; e++)
        tick_label(out, px(f, pow(10, e)), yb + 18, "middle", e);
    for (int e = (int)f->y0; e <= (int)f->y1; e++)
        tick_label(out, xl - 8, py(f, pow(10, e)) + 4, "end", e);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"13\">distance d (tokens)</text>\n",
            (xl + xr) / 2, H - 16);
    fprintf(out, "<text transform=\"translate(%.1f %.1f) rotate(-90)\" text-anchor=\"middle\" "
                 "font-size=\"13\">mean attention A(d)</text>\n", 20.0, (yt + yb) / 2);
    fputs("</g>\n", out);
}

/* A curve as a polyline, one vertex per horizontal pixel at most (the curve
 * is dense at large d), inside the frame. */
static void polyline(FILE *out, const struct frame *f, const double *d, const double *A, size_t n, size_t stride,
                     const char *style)
{
    double last_x = -1e9;
    int open = 0;
    for (size_t k = 0; k < n; k++) {
        double dk = d != NULL ? d[k] : (double)(k + 1), Ak = A[k * stride];
        if (!(dk > 0) || !(Ak > 0) || !isfinite(Ak)) {
            if (open)
                fputs("\"/>\n", out);
            open = 0;
            continue;
        }
        double x = px(f, dk), y = py(f, Ak);
        if (open && x - last_x < 1.0 && k + 1 < n)
            continue;
        if (!open)
            fprintf(out, "<polyline %s points=\"", style);
        fprintf(out, "%s%.1f,%.1f", open ? " " : "", x, y);
        open = 1;
        last_x = x;
    }
    if (open)
        fputs("\"/>\n", out);
}

static void fit_line(FILE *out, const struct frame *f, struct taf_power_fit fit, double da, double db,
                     const char *style)
{
    if (!isfinite(fit.gamma))
        return;
    double Aa = exp(fit.log_A - fit.gamma * log(da)), Ab = exp(fit.log_A - fit.gamma * log(db));
    fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" %s/>\n", px(f, da), py(f, Aa), px(f, db),
            py(f, Ab), style);
}

static const char *receipt_of(const struct taf_profile *p)
{
    return taf_receipt_name(p->receipt);
}

static void legend(FILE *out, const struct taf_profile *p, size_t drawn_layers)
{
    double x = LEFT + 14, y = H - BOTTOM - 14;
    int rows = 3 + (drawn_layers > 0);
    double top = y - 18.0 * rows - 6;
    fprintf(out, "<g font-size=\"12\" fill=\"#222\">\n<rect x=\"%.1f\" y=\"%.1f\" width=\"330\" height=\"%.1f\" "
                 "fill=\"white\" fill-opacity=\"0.9\" stroke=\"#bbb\"/>\n", x - 8, top, 18.0 * rows + 12);
    double ly = top + 20;
    if (isfinite(p->fit.gamma))
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d62728\" stroke-width=\"2.5\"/>"
                     "<text x=\"%.1f\" y=\"%.1f\">fit d = %zu..%zu: γ = %.4f, R² = %.6f (%s)</text>\n",
                x, ly - 4, x + 22, ly - 4, x + 30, ly, p->d1, p->d2, p->fit.gamma, p->fit.R2, receipt_of(p));
    else
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\">no power-law fit (fewer than two usable points)</text>\n", x + 30, ly);
    ly += 18;
    fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#1f77b4\" stroke=\"white\"/>"
                 "<text x=\"%.1f\" y=\"%.1f\">%zu points fitted%s</text>\n",
            x + 11, ly - 4, x + 30, ly, p->n_fit_points,
            p->binned ? " (log bins, 8 per octave, equal weight)" : " (the atlas's distances_fit)");
    ly += 18;
    fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222\" stroke-width=\"1.6\"/>"
                 "<text x=\"%.1f\" y=\"%.1f\">A(d)",
            x, ly - 4, x + 22, ly - 4, x + 30, ly);
    if (p->n_layers > 0)
        fprintf(out, ", mean of %zu layer%s × %zu head%s", p->n_layers, p->n_layers == 1 ? "" : "s", p->n_heads,
                p->n_heads == 1 ? "" : "s");
    if (isfinite(p->sink_mass))
        fprintf(out, "; sink mass %.3f", p->sink_mass);
    fputs("</text>\n", out);
    ly += 18;
    if (drawn_layers > 0) {
        double lo = INFINITY, hi = -INFINITY;
        for (size_t l = 0; l < p->n_layers; l++)
            if (isfinite(p->layers[l].fit.gamma)) {
                lo = fmin(lo, p->layers[l].fit.gamma);
                hi = fmax(hi, p->layers[l].fit.gamma);
            }
        char c0[40], c1[40];
        layer_colour(0, p->n_layers, c0, sizeof c0);
        layer_colour(p->n_layers - 1, p->n_layers, c1, sizeof c1);
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>"
                     "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>"
                     "<text x=\"%.1f\" y=\"%.1f\">layers 0–%zu",
                x, ly - 7, x + 22, ly - 7, c0, x, ly - 2, x + 22, ly - 2, c1, x + 30, ly, p->n_layers - 1);
        if (isfinite(lo))
            fprintf(out, ": γ %.3f … %.3f", lo, hi);
        if (drawn_layers < p->n_layers)
            fprintf(out, " (%zu drawn)", drawn_layers);
        fputs("</text>\n", out);
    }
    fputs("</g>\n", out);
}

int taf_profile_svg(FILE *out, const struct taf_profile *p, const struct taf_svg_labels *labels)
{
    struct frame f;
    if (range_of(p, &f))
        return -1;
    fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%.0f\" height=\"%.0f\" "
                 "viewBox=\"0 0 %.0f %.0f\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n",
            W, H, W, H);
    fputs("<title>", out);
    put_escaped(out, labels && labels->title ? labels->title : "γ profile");
    fputs("</title>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n", out);
    fputs("<text x=\"78\" y=\"26\" font-size=\"16\" font-weight=\"bold\" fill=\"#111\">γ profile · ", out);
    put_escaped(out, labels && labels->title ? labels->title : "");
    fputs("</text>\n<text x=\"78\" y=\"45\" font-size=\"12\" fill=\"#555\">", out);
    put_escaped(out, labels && labels->subtitle ? labels->subtitle : "");
    fputs("</text>\n", out);
    if (p->d2 > p->d1)
        fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#fff3cd\" "
                     "fill-opacity=\"0.6\"/>\n", px(&f, (double)p->d1), TOP, px(&f, (double)p->d2) - px(&f, (double)p->d1),
                H - TOP - BOTTOM);
    axes(out, &f);
    fprintf(out, "<svg x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" viewBox=\"%.1f %.1f %.1f %.1f\" "
                 "overflow=\"hidden\">\n", LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM, LEFT, TOP,
            W - LEFT - RIGHT, H - TOP - BOTTOM);
    size_t drawn = 0;
    if (p->layer_A != NULL && p->n_layers > 1) {
        size_t step = (p->n_layers + MAX_LAYER_CURVES - 1) / MAX_LAYER_CURVES;
        fputs("<g fill=\"none\" stroke-width=\"1\" stroke-opacity=\"0.55\">\n", out);
        for (size_t l = 0; l < p->n_layers; l += step, drawn++) {
            char colour[40], style[80];
            layer_colour(l, p->n_layers, colour, sizeof colour);
            snprintf(style, sizeof style, "stroke=\"%s\"", colour);
            polyline(out, &f, NULL, p->layer_A + l * p->T + 1, p->T - 1, 1, style);
            if (p->n_layers <= MAX_LAYER_FITS) {
                snprintf(style, sizeof style, "stroke=\"%s\" stroke-dasharray=\"5 3\"", colour);
                fit_line(out, &f, p->layers[l].fit, (double)p->d1, (double)p->d2, style);
            }
        }
        fputs("</g>\n", out);
    }
    polyline(out, &f, p->curve_d, p->curve_A, p->n_curve, 1, "fill=\"none\" stroke=\"#222\" stroke-width=\"1.6\"");
    if (p->n_curve <= MAX_MARKED_POINTS) { /* a sparse measured curve (atlas): mark every point */
        fputs("<g fill=\"white\" stroke=\"#222\" stroke-width=\"1\">\n", out);
        for (size_t k = 0; k < p->n_curve; k++)
            if (p->curve_A[k] > 0 && p->curve_d[k] > 0)
                fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"5\" height=\"5\"/>\n", px(&f, p->curve_d[k]) - 2.5,
                        py(&f, p->curve_A[k]) - 2.5);
        fputs("</g>\n", out);
    }
    fit_line(out, &f, p->fit, pow(10, f.x0), pow(10, f.x1),
             "stroke=\"#d62728\" stroke-width=\"1\" stroke-dasharray=\"2 4\"");
    fit_line(out, &f, p->fit, (double)p->d1, (double)p->d2, "stroke=\"#d62728\" stroke-width=\"2.5\"");
    fputs("<g fill=\"#1f77b4\" stroke=\"white\" stroke-width=\"0.8\">\n", out);
    for (size_t k = 0; k < p->n_fit_points; k++)
        if (p->fit_A[k] > 0 && p->fit_d[k] > 0)
            fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"/>\n", px(&f, p->fit_d[k]), py(&f, p->fit_A[k]));
    fputs("</g>\n</svg>\n", out);
    legend(out, p, drawn);
    fputs("</svg>\n", out);
    return ferror(out) ? -1 : 0;
}
