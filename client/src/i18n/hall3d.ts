// UI strings of the Plan / 3D switch and the 3D view's rotation in both languages; ru.ts and
// en.ts spread them in.
export const hall3dRu = {
  'view.label': 'Вид зала',
  'view.plan': 'План',
  'view.3d': '3D',
  'view.rotateLeft': 'Повернуть влево (Q)',
  'view.rotateRight': 'Повернуть вправо (E)',
  'legend.title': 'Категории',
  'legend.count': '{count} стенд|{count} стенда|{count} стендов',
};

export const hall3dEn: Record<keyof typeof hall3dRu, string> = {
  'view.label': 'Hall view',
  'view.plan': 'Plan',
  'view.3d': '3D',
  'view.rotateLeft': 'Turn left (Q)',
  'view.rotateRight': 'Turn right (E)',
  'legend.title': 'Categories',
  'legend.count': '{count} stand|{count} stands',
};
